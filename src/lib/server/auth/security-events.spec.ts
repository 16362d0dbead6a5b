import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { login } from '.';
import { setUserActive } from '../features/admin';
import { log } from '../log';
import { db, makeUser, TEST_PASSWORD, uniq } from '../testing/fixtures';

/** The log lines written while `fn` runs, parsed (pino writes JSON lines to stdout). */
let lines: Record<string, unknown>[] = [];
let level: string;
beforeEach(() => {
	lines = [];
	level = log.level;
	log.level = 'info';
	vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
		for (const l of String(chunk).split('\n').filter(Boolean)) {
			try {
				lines.push(JSON.parse(l) as Record<string, unknown>);
			} catch {
				// Not a log line.
			}
		}
		return true;
	});
});
afterEach(() => {
	vi.restoreAllMocks();
	log.level = level;
});
const events = () => lines.filter((l) => l.event === 'security');

describe('security events (issue 38)', () => {
	it('a refused and an accepted password each write one event, with ids and no e-mail', async () => {
		const { user } = await makeUser('partner');
		const d = await db();
		const address = `10.9.${uniq()}`;
		await login(d, { email: user.email, password: 'wrong password!!', clientAddress: address });
		await login(d, { email: user.email, password: TEST_PASSWORD, clientAddress: address });
		expect(events().map((e) => [e.kind, e.userId])).toEqual([
			['sign_in_password_refused', user.id],
			['sign_in_password_accepted', user.id]
		]);
		expect(JSON.stringify(lines)).not.toContain(user.email);
		expect(JSON.stringify(lines)).not.toContain(address);
	});

	it('an e-mail that matches no account is an event without a user', async () => {
		await login(await db(), {
			email: `nobody-${uniq()}@test.example`,
			password: 'wrong password!!',
			clientAddress: null
		});
		expect(events()).toEqual([
			expect.objectContaining({ kind: 'sign_in_password_refused', userId: null })
		]);
	});

	it('an admin deactivating a person is an event naming both by id', async () => {
		const admin = await makeUser('admin');
		const { user } = await makeUser('social_worker');
		const actor = admin.ctx;
		await setUserActive(await db(), actor, user.id, false);
		expect(events()).toEqual([
			expect.objectContaining({
				kind: 'user_deactivated',
				userId: user.id,
				actorId: admin.user.id,
				requestId: actor.requestId
			})
		]);
	});
});
