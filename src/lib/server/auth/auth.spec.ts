import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	ABSOLUTE_LIFETIME_MS,
	createSession,
	actAs,
	invalidateSession,
	loadMemberships,
	validateSessionToken
} from './session';
import { login } from './login';
import { verifyPassword } from './password';
import { ACCOUNT_FREE_FAILURES, CLIENT_FREE_FAILURES } from './throttle';
import { setSessionCookie, deleteSessionCookie } from '../http/cookie';
import { m } from '../../paraglide/messages';
import {
	changeOwnPassword,
	setPasswordWithLink,
	SET_PASSWORD_FREE_ATTEMPTS
} from '../features/account/account';
import { setUserActive } from '../features/admin/admin';
import {
	db,
	makeMembership,
	makeOrg,
	makeTeam,
	makeUser,
	TEST_PASSWORD,
	uniq
} from '../testing/fixtures';

const minutes = (n: number) => n * 60 * 1000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('login', () => {
	it('signs in with the right password and gives a session for that user', async () => {
		const { user } = await makeUser('social_worker');
		const r = await login(await db(), {
			email: user.email.toUpperCase(),
			password: TEST_PASSWORD,
			clientAddress: `10.1.${uniq()}`
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const v = await validateSessionToken(await db(), r.token);
		expect(v.user?.id).toBe(user.id);
		expect(v.user?.roles).toEqual(['social_worker']);
	});

	it('answers unknown e-mail and wrong password identically', async () => {
		const { user } = await makeUser('partner');
		const d = await db();
		const wrong = await login(d, {
			email: user.email,
			password: 'wrong password!!',
			clientAddress: null
		});
		const unknown = await login(d, {
			email: `nobody-${uniq()}@test.example`,
			password: 'wrong password!!',
			clientAddress: null
		});
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual(wrong);
	});

	it('refuses a deactivated account with the same generic answer', async () => {
		const { user } = await makeUser('partner', { active: false });
		const r = await login(await db(), {
			email: user.email,
			password: TEST_PASSWORD,
			clientAddress: null
		});
		expect(r).toEqual({ ok: false, reason: 'invalid' });
	});

	it('throttles after repeated failures, even with the right password, then lets through', async () => {
		const { user } = await makeUser('partner');
		const d = await db();
		const t0 = new Date();
		const results = [];
		for (let i = 0; i < 5; i++) {
			results.push(
				await login(
					d,
					{ email: user.email, password: `bad ${i} password`, clientAddress: null },
					at(t0, i * 1000)
				)
			);
		}
		expect(results.slice(0, 4).every((r) => !r.ok && r.reason === 'invalid')).toBe(true);
		expect(results[4]).toMatchObject({ ok: false, reason: 'throttled' });
		const blocked = await login(
			d,
			{ email: user.email, password: TEST_PASSWORD, clientAddress: null },
			at(t0, 5000)
		);
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
		if (!blocked.ok && blocked.reason === 'throttled') {
			expect(blocked.retryAt.getTime()).toBeGreaterThan(t0.getTime());
		}
		const later = await login(
			d,
			{ email: user.email, password: TEST_PASSWORD, clientAddress: null },
			at(t0, minutes(2))
		);
		expect(later.ok).toBe(true);
	});

	it('throttles one client address that tries many accounts, but not an office', async () => {
		const d = await db();
		const ip = `192.0.2.${uniq()}`;
		// Twenty colleagues behind one NAT address mistyping once each: nobody is locked out.
		const { user } = await makeUser('partner');
		for (let i = 0; i < 20; i++) {
			await login(d, {
				email: `x${i}-${uniq()}@test.example`,
				password: 'nope nope nope',
				clientAddress: ip
			});
		}
		const colleague = await login(d, {
			email: user.email,
			password: TEST_PASSWORD,
			clientAddress: ip
		});
		expect(colleague.ok).toBe(true);
		let last;
		for (let i = 20; i <= CLIENT_FREE_FAILURES + 1; i++) {
			last = await login(d, {
				email: `x${i}-${uniq()}@test.example`,
				password: 'nope nope nope',
				clientAddress: ip
			});
		}
		expect(last).toMatchObject({ ok: false, reason: 'throttled' });
		// The address is locked now: a guess is still refused …
		const { user: other } = await makeUser('partner');
		expect(
			await login(d, { email: other.email, password: 'nope nope nope', clientAddress: ip })
		).toMatchObject({ ok: false, reason: 'throttled' });
		// … but a colleague with the right password gets through (then the second factor).
		const again = await login(d, {
			email: other.email,
			password: TEST_PASSWORD,
			clientAddress: ip
		});
		expect(again.ok).toBe(true);
		// And the lock still stands for the next guess.
		expect(
			await login(d, { email: `y-${uniq()}@test.example`, password: 'nope', clientAddress: ip })
		).toMatchObject({ ok: false, reason: 'throttled' });
	});

	it('behind one address nobody can lock out an office: past the limit, colleagues still sign in', async () => {
		const d = await db();
		const ip = `203.0.113.${uniq()}`;
		for (let i = 0; i < CLIENT_FREE_FAILURES + 20; i++)
			await login(d, {
				email: `spray${i}-${uniq()}@test.example`,
				password: 'Kesä2026!',
				clientAddress: ip
			});
		const colleagues = await Promise.all(
			Array.from({ length: 5 }, () => makeUser('social_worker'))
		);
		for (const { user } of colleagues)
			expect(
				(await login(d, { email: user.email, password: TEST_PASSWORD, clientAddress: ip })).ok
			).toBe(true);
	});

	it('checks at most the free attempts however many arrive at once', async () => {
		const { user } = await makeUser('partner');
		const d = await db();
		const { counting, checks } = countingVerify();
		const results = await Promise.all(
			Array.from({ length: 100 }, (_, i) =>
				login(
					d,
					{ email: user.email, password: `wrong ${i}`, clientAddress: null },
					new Date(),
					counting
				)
			)
		);
		expect(checks()).toBe(ACCOUNT_FREE_FAILURES + 1);
		expect(results.filter((r) => !r.ok && r.reason === 'throttled').length).toBeGreaterThanOrEqual(
			95
		);
	});

	it('does not let the right password through as the 31st of 40 parallel tries', async () => {
		const { user } = await makeUser('partner');
		const d = await db();
		const { counting, checks } = countingVerify();
		const passwords = Array.from({ length: 40 }, (_, i) =>
			i === 30 ? TEST_PASSWORD : `wrong ${i}`
		);
		const results = await Promise.all(
			passwords.map((password) =>
				login(
					d,
					{ email: user.email, password, clientAddress: '198.51.100.7' },
					new Date(),
					counting
				)
			)
		);
		expect(checks()).toBeLessThanOrEqual(ACCOUNT_FREE_FAILURES + 1);
		// Only a try that was actually checked can succeed.
		expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(checks() === 0 ? 0 : 1);
		expect(results.filter((r) => !r.ok && r.reason === 'throttled').length).toBeGreaterThanOrEqual(
			35
		);
	});
});

describe('sessions', () => {
	it("carries the person's approved memberships, as loadMemberships reads them, in order", async () => {
		const d = await db();
		const { user } = await makeUser('social_worker');
		const elsewhere = await makeOrg();
		// A second organisation and team whose names sort first, a team role there, and a
		// pending membership elsewhere.
		const first = await makeOrg('child_protection', `0 First ${uniq()}`);
		const teamId = (await makeTeam(first.id, `0 Team ${uniq()}`)).id;
		await makeMembership(user.id, first.id, 'coordinator', { teamId });
		await makeMembership(user.id, elsewhere.id, 'region_manager', { approvedAt: null });
		const { token } = await createSession(d, user.id);
		const expected = await loadMemberships(d, user.id);
		expect(expected.map((x) => x.role)).toEqual(['coordinator', 'social_worker']);
		const person = {
			id: user.id,
			email: user.email,
			displayName: user.displayName,
			preferredLocale: user.preferredLocale,
			memberships: expected
		};
		// In the first team by name, and in the other when it is chosen: both teams offered.
		const v = await validateSessionToken(d, token);
		expect(v.user).toEqual(actAs(person, null));
		expect(v.user?.teams.map((t) => t.id).sort()).toEqual(expected.map((x) => x.teamId).sort());
		expect(v.user?.memberships[0]).toMatchObject({
			organisationName: first.name,
			organisationKind: 'child_protection',
			teamId
		});
		const other = expected[1]!.teamId;
		const w = await validateSessionToken(d, token, new Date(), other);
		expect(w.user).toEqual(actAs(person, other));
		expect(w.user?.roles).toEqual(['social_worker']);
	});

	it('expire after 30 idle minutes', async () => {
		const { user } = await makeUser('coordinator');
		const d = await db();
		const t0 = new Date('2026-02-02T08:00:00Z');
		const { token } = await createSession(d, user.id, t0);
		expect((await validateSessionToken(d, token, at(t0, minutes(29)))).user).not.toBeNull();
		// Activity at 29 min pushed the idle expiry to 59 min.
		expect((await validateSessionToken(d, token, at(t0, minutes(58)))).user).not.toBeNull();
		expect((await validateSessionToken(d, token, at(t0, minutes(58 + 30)))).user).toBeNull();
		// And it stays gone.
		expect((await validateSessionToken(d, token, at(t0, minutes(1)))).user).toBeNull();
	});

	it('renew the idle expiry at most once a minute', async () => {
		const { user } = await makeUser('coordinator');
		const d = await db();
		const t0 = new Date('2026-02-02T08:00:00Z');
		const { token } = await createSession(d, user.id, t0);
		expect((await validateSessionToken(d, token, at(t0, 30 * 1000))).renewed).toBe(false);
		expect((await validateSessionToken(d, token, at(t0, minutes(2)))).renewed).toBe(true);
		expect((await validateSessionToken(d, token, at(t0, minutes(2) + 1000))).renewed).toBe(false);
	});

	it('end after 12 hours however active the user is', async () => {
		const { user } = await makeUser('coordinator');
		const d = await db();
		const t0 = new Date('2026-02-02T06:00:00Z');
		const { token } = await createSession(d, user.id, t0);
		for (let t = minutes(20); t < ABSOLUTE_LIFETIME_MS; t += minutes(20)) {
			expect(
				(await validateSessionToken(d, token, at(t0, t))).user,
				`at ${t / 60000} min`
			).not.toBeNull();
		}
		expect((await validateSessionToken(d, token, at(t0, ABSOLUTE_LIFETIME_MS))).user).toBeNull();
	});

	it('are rejected after logout', async () => {
		const { user } = await makeUser('partner');
		const d = await db();
		const { token, session } = await createSession(d, user.id);
		await invalidateSession(d, session.id);
		expect((await validateSessionToken(d, token)).user).toBeNull();
	});

	it('all end when the user is deactivated', async () => {
		const { user } = await makeUser('partner');
		const admin = await makeUser('admin');
		const d = await db();
		const a = await createSession(d, user.id);
		const b = await createSession(d, user.id);
		await setUserActive(d, admin.ctx, user.id, false);
		expect((await validateSessionToken(d, a.token)).user).toBeNull();
		expect((await validateSessionToken(d, b.token)).user).toBeNull();
	});

	it('all end when the password changes; the current device gets a new one', async () => {
		const { user } = await makeUser('partner');
		const d = await db();
		const a = await createSession(d, user.id);
		const fresh = await changeOwnPassword(d, user.id, {
			currentPassword: TEST_PASSWORD,
			newPassword: 'Kuusi-Järvi-Pilvi-Tuoli'
		});
		expect((await validateSessionToken(d, a.token)).user).toBeNull();
		expect((await validateSessionToken(d, fresh.token)).user?.id).toBe(user.id);
		const old = await login(d, { email: user.email, password: TEST_PASSWORD, clientAddress: null });
		expect(old.ok).toBe(false);
	});

	it('store only the token hash', async () => {
		const { user } = await makeUser('partner');
		const d = await db();
		const { token } = await createSession(d, user.id);
		const rows = await d.execute(sql`select id from session where user_id = ${user.id}`);
		const ids = (Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows).map(
			(r: { id: string }) => r.id
		);
		expect(ids).toHaveLength(1);
		expect(ids[0]).not.toBe(token);
	});
});

describe('session cookie', () => {
	type Opts = Record<string, unknown>;
	function capture() {
		const set: { name: string; value: string; opts: Opts }[] = [];
		const deleted: { name: string; opts: Opts }[] = [];
		return {
			set,
			deleted,
			cookies: {
				set: (name: string, value: string, opts: Opts) => set.push({ name, value, opts }),
				delete: (name: string, opts: Opts) => deleted.push({ name, opts })
			} as unknown as import('@sveltejs/kit').Cookies
		};
	}

	it('is HttpOnly, SameSite=Lax, Path=/, with __Host- and Secure on https', () => {
		const c = capture();
		const exp = new Date(Date.now() + minutes(30));
		setSessionCookie(c.cookies, new URL('https://app.example/'), 'tok', exp);
		expect(c.set[0]).toEqual({
			name: '__Host-session',
			value: 'tok',
			opts: { httpOnly: true, sameSite: 'lax', path: '/', secure: true, expires: exp }
		});
	});

	it('drops the prefix and Secure only on plain http (local development)', () => {
		const c = capture();
		setSessionCookie(c.cookies, new URL('http://localhost:3000/'), 'tok', new Date());
		expect(c.set[0]?.name).toBe('session');
		expect(c.set[0]?.opts).toMatchObject({
			httpOnly: true,
			sameSite: 'lax',
			path: '/',
			secure: false
		});
		deleteSessionCookie(c.cookies, new URL('https://app.example/'));
		expect(c.deleted[0]).toMatchObject({
			name: '__Host-session',
			opts: { path: '/', secure: true }
		});
	});
});

/** A password check that counts how often it ran. */
function countingVerify() {
	let n = 0;
	const counting = async (hash: string, password: string) => {
		n++;
		return verifyPassword(hash, password);
	};
	return { counting, checks: () => n };
}

describe('changing and setting passwords', () => {
	it('throttles wrong current passwords like sign-in, and then refuses even the right one', async () => {
		const { user } = await makeUser('partner');
		const d = await db();
		const tries = await Promise.all(
			Array.from({ length: 25 }, (_, i) =>
				changeOwnPassword(d, user.id, {
					currentPassword: `wrong ${i}`,
					newPassword: 'Kuusi-Järvi-Pilvi-Tuoli'
				}).catch((e: { fields?: Record<string, string> }) => e.fields?.currentPassword ?? '')
			)
		);
		const wrong = tries.filter((t) => t === m.error_current_password_wrong());
		expect(wrong.length).toBeLessThanOrEqual(ACCOUNT_FREE_FAILURES + 1);
		await expect(
			changeOwnPassword(d, user.id, {
				currentPassword: TEST_PASSWORD,
				newPassword: 'Kuusi-Järvi-Pilvi-Tuoli'
			})
		).rejects.toMatchObject({ name: 'FieldError' });
	});

	it('refuses a weak new password with the reason, and changes nothing', async () => {
		const { user } = await makeUser('partner');
		const d = await db();
		await expect(
			changeOwnPassword(d, user.id, { currentPassword: TEST_PASSWORD, newPassword: 'password1234' })
		).rejects.toMatchObject({ fields: { newPassword: expect.stringMatching(/.+/) } });
		const still = await login(d, {
			email: user.email,
			password: TEST_PASSWORD,
			clientAddress: null
		});
		expect(still.ok).toBe(true);
	});

	it('checks a set-password link before hashing, and throttles guesses per address', async () => {
		const d = await db();
		let invalid = 0;
		let throttled = 0;
		const ip = `203.0.113.${uniq()}`;
		await Promise.all(
			Array.from({ length: 30 }, () =>
				setPasswordWithLink(d, `guess-${uniq()}`, 'Kuusi-Järvi-Pilvi-Tuoli', ip).then(
					(r) => (r === 'invalid_link' ? invalid++ : 0),
					(e: Error) => (e.name === 'ThrottledError' ? throttled++ : 0)
				)
			)
		);
		expect(invalid).toBeLessThanOrEqual(SET_PASSWORD_FREE_ATTEMPTS + 1);
		expect(invalid + throttled).toBe(30);
	});
});
