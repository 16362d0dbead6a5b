import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { login } from '../auth/login';
import { membership, user } from '../db/schema';
import { passwordLinkValid } from '../features/account/account';
import { db, uniq } from '../testing/fixtures';
import { createUserFromCli, parseArgs } from './user-create';

describe('user:create CLI', () => {
	it('parses and checks its arguments', () => {
		expect(
			parseArgs(['--email', 'A@B.fi', '--role', 'admin', '--organisation', 'Kunta'])
		).toMatchObject({
			email: 'a@b.fi',
			role: 'admin',
			kind: 'child_protection',
			passwordStdin: false
		});
		expect(() => parseArgs(['--email', 'nope', '--role', 'admin', '--organisation', 'K'])).toThrow(
			/email/
		);
		expect(() =>
			parseArgs(['--email', 'a@b.fi', '--role', 'boss', '--organisation', 'Kunta'])
		).toThrow(/role/);
	});

	it('creates the first admin with a one-time link valid for 24 hours', async () => {
		const d = await db();
		const args = parseArgs([
			'--email',
			`admin-${uniq()}@kunta.fi`,
			'--role',
			'admin',
			'--organisation',
			`Kunta ${uniq()}`
		]);
		const r = await createUserFromCli(d, args, null);
		expect(r.linkToken).toMatch(/^[a-z2-7]{32}$/);
		expect(r.linkExpiresAt!.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
		expect(await passwordLinkValid(d, r.linkToken!)).not.toBeNull();
		const [ms] = await d.select().from(membership).where(eq(membership.userId, r.userId));
		expect(ms?.role).toBe('admin');
	});

	it('takes a password from standard input, checking the length rule', async () => {
		const d = await db();
		const email = `sw-${uniq()}@kunta.fi`;
		const args = parseArgs([
			'--email',
			email,
			'--role',
			'social_worker',
			'--organisation',
			`LS ${uniq()}`,
			'--team',
			`Tiimi ${uniq()}`,
			'--password-stdin'
		]);
		await expect(createUserFromCli(d, args, 'short')).rejects.toThrow(/12–128/);
		const [none] = await d.select().from(user).where(eq(user.email, email));
		expect(none).toBeUndefined();
		await createUserFromCli(d, args, 'a long enough password');
		expect(
			(await login(d, { email, password: 'a long enough password', clientAddress: null })).ok
		).toBe(true);
	});

	it('refuses a role that does not fit the organisation, creating nothing', async () => {
		const d = await db();
		const email = `x-${uniq()}@kunta.fi`;
		const args = parseArgs([
			'--email',
			email,
			'--role',
			'social_worker',
			'--organisation',
			`Koulu ${uniq()}`,
			'--kind',
			'school'
		]);
		await expect(createUserFromCli(d, args, null)).rejects.toThrow(/does not fit/);
		expect((await d.select().from(user).where(eq(user.email, email))).length).toBe(0);
	});
});
