import { createServer } from 'node:net';
import { and, eq, isNull, ne, or } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, notification } from '../db/schema';
import { notify } from '../features/notifications/notifications';
import { db, makeUser } from '../testing/fixtures';
import { backoffMs, processOutbox, smtpTransport } from './outbox';

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
	});
}

// The worker's database is shared by the files it runs, and other files leave mail pending
// (set-password links, notices). Those files are done when this one runs (a worker runs
// its files one at a time), so their mail is parked far ahead: each run here then meets
// this file's mail only, instead of an SMTP conversation for every other file's.
const ALL = 10_000;
const PARKED = new Date('2999-01-01T00:00:00Z');

let port: number;
const saved = process.env.SMTP_URL;
beforeAll(async () => {
	port = await freePort();
	process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
});
afterAll(() => {
	if (saved === undefined) delete process.env.SMTP_URL;
	else process.env.SMTP_URL = saved;
});

describe('e-mail outbox', () => {
	it('backs off 1, 2, 4 … minutes up to an hour', () => {
		expect([1, 2, 3, 10].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 3_600_000]);
	});

	it('keeps the mail while SMTP is down and sends it once when the server is up', async () => {
		const d = await db();
		const { user } = await makeUser('coordinator');
		const t0 = new Date();
		await d.transaction((tx) =>
			notify(tx, [user.id], 'consultation_requested', '/consultations/x', t0)
		);
		const [n] = await d.select().from(notification).where(eq(notification.userId, user.id));
		const mine = async () =>
			(await d.select().from(emailOutbox).where(eq(emailOutbox.notificationId, n!.id)))[0]!;
		await d
			.update(emailOutbox)
			.set({ nextAttemptAt: PARKED })
			.where(
				and(
					eq(emailOutbox.status, 'pending'),
					or(isNull(emailOutbox.notificationId), ne(emailOutbox.notificationId, n!.id))
				)
			);
		const queued = await mine();
		expect(queued).toMatchObject({ status: 'pending', attempts: 0, to: user.email });
		// No personal data in the mail: only what happened and a link to the inbox.
		expect(queued.body).toContain('/notifications');
		expect(queued.body).not.toContain(user.displayName);

		const transport = smtpTransport(process.env.SMTP_URL!);
		const down = await processOutbox(d, transport, t0, ALL);
		expect(down.sent).toBe(0);
		const failed = await mine();
		expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
		expect(failed.lastError).toBeTruthy();
		expect(failed.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000);
		// Not due yet: nothing is tried.
		await processOutbox(d, transport, new Date(t0.getTime() + 30_000), ALL);
		expect((await mine()).attempts).toBe(1);

		const received: string[] = [];
		const server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS', 'AUTH'],
			logger: false,
			onData(stream, session, callback) {
				let text = '';
				stream.on('data', (c: Buffer) => (text += c.toString()));
				stream.on('end', () => {
					received.push(`${session.envelope.rcptTo.map((r) => r.address).join(',')}\n${text}`);
					callback();
				});
			}
		});
		await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
		try {
			const later = new Date(t0.getTime() + 61_000);
			const up = await processOutbox(d, transport, later, ALL);
			expect(up.sent).toBe(1);
			expect(await mine()).toMatchObject({ status: 'sent', attempts: 2 });
			const mail = received.find((r) => r.startsWith(user.email));
			expect(mail).toBeDefined();
			// Sent once: a further run sends nothing more for it.
			await processOutbox(d, transport, new Date(later.getTime() + 120_000), ALL);
			expect(received.filter((r) => r.startsWith(user.email))).toHaveLength(1);
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});
});
