import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, asc, eq, lt, lte } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { DbOrTx } from '../db';
import { emailOutbox } from '../db/schema';
import { mailDir, readEnv, type Env } from '../env';
import { log } from '../log';

/** 1 min, 2 min, 4 min … at most an hour between tries. Mail is never given up on. */
export function backoffMs(attempts: number): number {
	return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** What the outbox sends: plain text, one recipient. */
export type OutgoingMail = { from: string; to: string; subject: string; text: string };
export type MailTransport = { sendMail(mail: OutgoingMail): Promise<unknown> };

export function smtpTransport(url: string): MailTransport {
	// Short timeouts: a worker run must not hang on a dead server; the next run retries.
	return nodemailer.createTransport(url, {
		connectionTimeout: 5_000,
		greetingTimeout: 5_000,
		socketTimeout: 10_000
	} as never);
}

/**
 * Mail without a mail server (a local run, the tests): each message is written as one
 * plain UTF-8 text file in `dir`, which only the machine's owner can read (0700, files
 * 0600), so that a link in it can be read and followed as it is. This is what keeps
 * set-password links out of the server's log (ADR 032).
 */
export function folderTransport(dir: string): MailTransport {
	return {
		async sendMail(message) {
			const text = [
				`From: ${message.from}`,
				`To: ${message.to}`,
				`Date: ${new Date().toUTCString()}`,
				`Subject: ${message.subject}`,
				'',
				message.text
			].join('\n');
			await mkdir(dir, { recursive: true, mode: 0o700 });
			await chmod(dir, 0o700);
			const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.txt`;
			await writeFile(join(dir, name), text, { mode: 0o600, flag: 'wx' });
			return { messageId: name };
		}
	};
}

/** The deployment's way out: its mail server, or without one the local folder. */
export function mailTransport(env: Env): MailTransport {
	return env.SMTP_URL ? smtpTransport(env.SMTP_URL) : folderTransport(mailDir(env));
}

/**
 * Sends what is due. Each mail is claimed with FOR UPDATE SKIP LOCKED, so two workers never
 * send the same one; a failure only schedules the next try. The error kept is a code, not
 * the server's text (which may quote the address).
 */
export async function processOutbox(
	db: DbOrTx,
	transport: MailTransport,
	now = new Date(),
	batch = 20
): Promise<{ sent: number; failed: number }> {
	const from = readEnv().MAIL_FROM;
	let sent = 0;
	let failed = 0;
	for (let i = 0; i < batch; i++) {
		const done = await db.transaction(async (tx) => {
			const [mail] = await tx
				.select()
				.from(emailOutbox)
				.where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, now)))
				.orderBy(asc(emailOutbox.nextAttemptAt))
				.limit(1)
				.for('update', { skipLocked: true });
			if (!mail) return false;
			try {
				await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.body });
				await tx
					.update(emailOutbox)
					.set({
						status: 'sent',
						sentAt: now,
						attempts: mail.attempts + 1,
						lastError: null,
						// A set-password link is not kept once it has left.
						...(mail.sensitive ? { body: '' } : {})
					})
					.where(eq(emailOutbox.id, mail.id));
				sent++;
			} catch (e) {
				const attempts = mail.attempts + 1;
				const code = errorCode(e);
				await tx
					.update(emailOutbox)
					.set({
						attempts,
						lastError: String(code).slice(0, 100),
						nextAttemptAt: new Date(now.getTime() + backoffMs(attempts))
					})
					.where(eq(emailOutbox.id, mail.id));
				// The transport's code only (ESOCKET, EAUTH …): never the address or the text.
				log.warn(
					{ event: 'mail_failed', mailId: mail.id, attempts, code: String(code).slice(0, 40) },
					'mail not sent; it will be tried again'
				);
				failed++;
			}
			return true;
		});
		if (!done) break;
	}
	return { sent, failed };
}

/**
 * Sent mail older than `before` (ADR 046): the row holds the address and the text, which
 * served their purpose once the mail left; the notification it came with stays in the app.
 * Mail still waiting is never deleted. How many went.
 */
export async function deleteSentMail(db: DbOrTx, before: Date): Promise<number> {
	const t = emailOutbox;
	const gone = await db
		.delete(t)
		.where(and(eq(t.status, 'sent'), lt(t.sentAt, before)))
		.returning({ id: t.id });
	return gone.length;
}

/**
 * What the log and the outbox row say of a failed send: the mail library's code (EAUTH,
 * ECONNECTION…) or the error's name; never its message, which may carry an address.
 */
function errorCode(e: unknown): string {
	if (e && typeof e === 'object') {
		if ('code' in e && typeof e.code === 'string') return e.code;
		if (e instanceof Error) return e.name;
	}
	return 'error';
}

/**
 * Messages in the local mail folder written before `before` (ADR 046): their set-password
 * links have expired, and a file is nothing the app reads again. Only the outbox's own files
 * (`*.txt`) are touched; a missing folder is nothing to do. How many went.
 */
export async function pruneMailFolder(dir: string, before: Date): Promise<number> {
	const names = await readdir(dir).catch((e: NodeJS.ErrnoException): string[] => {
		if (e.code === 'ENOENT') return [];
		throw e;
	});
	let gone = 0;
	for (const name of names) {
		if (!name.endsWith('.txt')) continue;
		const path = join(dir, name);
		const info = await stat(path);
		if (!info.isFile() || info.mtime >= before) continue;
		await unlink(path);
		gone++;
	}
	return gone;
}
