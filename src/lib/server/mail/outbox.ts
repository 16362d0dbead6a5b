import { and, asc, eq, lte } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DbOrTx } from '../db';
import { emailOutbox } from '../db/schema';
import { readEnv } from '../env';

/** 1 min, 2 min, 4 min … at most an hour between tries. Mail is never given up on. */
export function backoffMs(attempts: number): number {
	return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export type MailTransport = Pick<Transporter, 'sendMail'>;

export function smtpTransport(url: string): MailTransport {
	// Short timeouts: a worker run must not hang on a dead server; the next run retries.
	return nodemailer.createTransport(url, {
		connectionTimeout: 5_000,
		greetingTimeout: 5_000,
		socketTimeout: 10_000
	} as never);
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
				const code = (e as { code?: string }).code ?? (e as Error).name ?? 'error';
				await tx
					.update(emailOutbox)
					.set({
						attempts,
						lastError: String(code).slice(0, 100),
						nextAttemptAt: new Date(now.getTime() + backoffMs(attempts))
					})
					.where(eq(emailOutbox.id, mail.id));
				failed++;
			}
			return true;
		});
		if (!done) break;
	}
	return { sent, failed };
}
