import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkCode, newRecoveryCodes, setupKey } from '$lib/server/auth/factor';
import { open as openSecret } from '$lib/server/auth/secret-box';
import { createSession, validateSessionToken } from '$lib/server/auth/session';
import { codeAt, stepAt } from '$lib/server/auth/totp';
import { notification, session, userFactor } from '$lib/server/db/schema';
import { throughGate } from '$lib/server/testing/route-walk';
import { db, eventFor, makeOrg, makeTeam, makeUser } from '$lib/server/testing/fixtures';
import { logRows, outcome } from '$lib/server/testing/routes';
import * as account from '../account/+page.server';
import * as team from '../team/+page.server';
import * as adminUser from '../admin/users/[userId]/+page.server';
import * as reauth from '../reauth/+page.server';
import * as code from './code/+page.server';
import * as setup from './setup/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/** A user whose authenticator is set up; returns its key. */
async function withFactor(role: Parameters<typeof makeUser>[0] = 'partner', opts = {}) {
	const u = await makeUser(role, opts);
	const d = await db();
	const key = await setupKey(d, u.user.id);
	const past = new Date(Date.now() - 120_000);
	expect(
		await checkCode(d, u.user.id, codeAt(key, stepAt(past)), past, { pendingSetup: true })
	).toEqual({
		ok: true,
		kind: 'totp'
	});
	return { ...u, key };
}

/** An event for a session that has passed the password only. */
async function pendingEvent(userId: string, email: string, form?: Record<string, string>) {
	const d = await db();
	const { token, session: s } = await createSession(d, userId, new Date(), { secondFactor: false });
	const event = await eventFor(null, { form, url: 'http://localhost/login/code' });
	(event.locals as any).session = s;
	(event.locals as any).pending = { userId, email };
	return { event, token, sessionId: s.id };
}

const nowCode = (key: Uint8Array) => codeAt(key, stepAt(new Date()));

describe('setting up the authenticator', () => {
	it('shows a QR code and the key as text, then takes one code and gives ten recovery codes', async () => {
		const { user } = await makeUser('partner');
		const p = await pendingEvent(user.id, user.email);
		const page: any = await outcome(() => setup.load(p.event as any));
		expect(page.value.setup.qr).toMatch(/^data:image\/svg\+xml;base64,/);
		expect(page.value.setup.secret).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4})+$/);
		const d = await db();
		const [f] = await d.select().from(userFactor).where(eq(userFactor.userId, user.id));
		expect(f!.secretEnc).not.toContain(page.value.setup.secret.replace(/ /g, ''));
		const key = openSecret(f!.secretEnc);

		const wrong = await pendingEvent(user.id, user.email, { code: '000000', next: '/' });
		expect((await outcome(() => setup.actions.confirm!(wrong.event as any))).status).toBe(400);

		const ok = await pendingEvent(user.id, user.email, { code: nowCode(key), next: '/account' });
		const r: any = await outcome(() => setup.actions.confirm!(ok.event as any));
		expect(r.status).toBe(200);
		expect(r.value.recoveryCodes).toHaveLength(10);
		expect(r.value.recoveryCodes[0]).toMatch(/^\d{4}-\d{4}-\d{4}$/);
		// A new, full session; the pending one is gone.
		const full = ok.event.cookies.get('session')!;
		expect((await validateSessionToken(d, full)).session?.secondFactorAt).toBeInstanceOf(Date);
		expect(await d.select().from(session).where(eq(session.id, ok.sessionId))).toEqual([]);
	});

	it('until then the session reaches only the set-up, the code step and sign-out', async () => {
		for (const [routeId, passes] of [
			['/login/setup', true],
			['/login/code', true],
			['/logout', true],
			['/children', false],
			['/account', false],
			['/', false]
		] as const) {
			const { resolved, response: res } = await throughGate(routeId, {
				pending: { userId: 'x', email: 'x' }
			});
			expect(resolved, routeId).toBe(passes);
			if (!passes) expect(res.headers.get('location')).toMatch(/^\/login\/code/);
		}
	});
});

describe('signing in with a code', () => {
	it('accepts the right code once: a replay within its window is refused', async () => {
		const { user, key } = await withFactor();
		const c = nowCode(key);
		const first = await pendingEvent(user.id, user.email, { code: c, next: '/account' });
		expect(await outcome(() => code.actions.verify!(first.event as any))).toMatchObject({
			status: 303,
			location: '/account'
		});
		const again = await pendingEvent(user.id, user.email, { code: c, next: '/account' });
		expect((await outcome(() => code.actions.verify!(again.event as any))).status).toBe(400);
		const wrong = await pendingEvent(user.id, user.email, { code: '123456', next: '/' });
		expect((await outcome(() => code.actions.verify!(wrong.event as any))).status).toBe(400);
	});

	it('checks at most five codes however many arrive at once', async () => {
		const { user } = await withFactor();
		const d = await db();
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) => checkCode(d, user.id, String(100000 + i)))
		);
		const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
		const throttled = results.filter((r) => !r.ok && r.reason === 'throttled').length;
		expect(checked).toBeLessThanOrEqual(5);
		expect(checked + throttled).toBe(30);
	});

	it('takes a recovery code once, and says how many are left', async () => {
		const { user } = await withFactor();
		const d = await db();
		const codes = await newRecoveryCodes(d, user.id);
		const p = await pendingEvent(user.id, user.email, { code: codes[3]!, next: '/' });
		expect(await outcome(() => code.actions.verify!(p.event as any))).toMatchObject({
			status: 303,
			location: '/account?recovery_left=9'
		});
		expect(await checkCode(d, user.id, codes[3]!)).toEqual({ ok: false, reason: 'invalid' });
		expect(await checkCode(d, user.id, codes[4]!)).toEqual({
			ok: true,
			kind: 'recovery',
			recoveryLeft: 8
		});
	});
});

describe('resetting a lost authenticator', () => {
	it('only the team’s consultant resets a team member; an admin resets a partner; never oneself', async () => {
		const cp = await makeOrg('child_protection');
		const t = await makeTeam(cp.id);
		const other = await makeTeam(cp.id);
		const consultant = (
			await makeUser('consultant_social_worker', { organisationId: cp.id, teamId: t.id })
		).user;
		const otherConsultant = (
			await makeUser('consultant_social_worker', { organisationId: cp.id, teamId: other.id })
		).user;
		const colleague = (await makeUser('social_worker', { organisationId: cp.id, teamId: t.id }))
			.user;
		const admin = (await makeUser('admin')).user;
		const member = await withFactor('social_worker', { organisationId: cp.id, teamId: t.id });
		const partner = await withFactor('partner');
		const d = await db();
		const form = { userId: member.user.id };

		const denied = await eventFor(otherConsultant.id, { form });
		expect((await outcome(() => team.actions.resetFactor!(denied as any))).status).toBe(403);
		expect(await logRows(denied.locals.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'denied' })
		);
		expect(
			(
				await outcome(async () =>
					team.actions.resetFactor!((await eventFor(colleague.id, { form })) as any)
				)
			).status
		).toBe(403);
		const byAdmin = await outcome(async () =>
			adminUser.actions.resetFactor!(
				(await eventFor(admin.id, { params: { userId: member.user.id } })) as any
			)
		);
		expect(byAdmin.status).toBe(403);
		expect(
			(await d.select().from(userFactor).where(eq(userFactor.userId, member.user.id))).length
		).toBe(1);

		const memberSession = await createSession(d, member.user.id);
		const ok = await outcome(async () =>
			team.actions.resetFactor!((await eventFor(consultant.id, { form })) as any)
		);
		expect(ok.status).toBe(303);
		expect(await d.select().from(userFactor).where(eq(userFactor.userId, member.user.id))).toEqual(
			[]
		);
		expect((await validateSessionToken(d, memberSession.token)).session).toBeNull();
		const told = await d.select().from(notification).where(eq(notification.userId, member.user.id));
		expect(told.map((n) => n.kind)).toContain('factor_reset');

		const partnerReset = await outcome(async () =>
			adminUser.actions.resetFactor!(
				(await eventFor(admin.id, { params: { userId: partner.user.id } })) as any
			)
		);
		expect(partnerReset.status).toBe(303);
		const self = await outcome(async () =>
			adminUser.actions.resetFactor!(
				(await eventFor(admin.id, { params: { userId: admin.id } })) as any
			)
		);
		expect(self.status).toBe(403);
	});
});

describe('re-authentication before sensitive actions', () => {
	async function staleEvent(userId: string, opts: Parameters<typeof eventFor>[1] = {}) {
		const event = await eventFor(userId, opts);
		(event.locals as any).session.reauthAt = new Date(Date.now() - 11 * 60_000);
		return event;
	}

	it('is asked for after 10 minutes, and a fresh code satisfies it', async () => {
		const { user, key } = await withFactor('partner');
		const stale = await staleEvent(user.id, {
			url: 'http://localhost/account',
			form: {
				currentPassword: 'x',
				newPassword: 'Kuusi-Järvi-Pilvi-Tuoli',
				confirm: 'Kuusi-Järvi-Pilvi-Tuoli'
			}
		});
		expect(await outcome(() => account.actions.changePassword!(stale as any))).toMatchObject({
			status: 303,
			location: '/reauth?next=%2Faccount'
		});
		const codes = await staleEvent(user.id, { url: 'http://localhost/account' });
		expect((await outcome(() => account.actions.newRecoveryCodes!(codes as any))).status).toBe(303);

		const confirm = await staleEvent(user.id, { form: { code: nowCode(key), next: '/account' } });
		expect(await outcome(() => reauth.actions.confirm!(confirm as any))).toMatchObject({
			status: 303,
			location: '/account'
		});
		const d = await db();
		const [s] = await d
			.select()
			.from(session)
			.where(eq(session.id, (confirm.locals as any).session.id));
		expect(Date.now() - s!.reauthAt!.getTime()).toBeLessThan(60_000);
	});
});

describe('my sessions', () => {
	it('lists the person’s sessions and signs out the others; a password change ends them too', async () => {
		const { user } = await makeUser('partner');
		const d = await db();
		const other = await createSession(d, user.id, new Date(), {
			userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/128.0'
		});
		const ev = await eventFor(user.id);
		const page: any = await outcome(() => account.load(ev as any));
		expect(page.value.sessions.length).toBeGreaterThanOrEqual(2);
		expect(page.value.sessions.filter((s: any) => s.current)).toHaveLength(1);
		expect(page.value.sessions.map((s: any) => s.device)).toContain('Firefox, Windows');
		const end = await eventFor(user.id, { form: {} });
		(end.locals as any).session = ev.locals.session;
		expect((await outcome(() => account.actions.endOthers!(end as any))).status).toBe(303);
		expect((await validateSessionToken(d, other.token)).session).toBeNull();
		expect((await validateSessionToken(d, other.token)).user).toBeNull();
	});
});

describe('every sensitive action asks for a fresh code after 10 minutes', async () => {
	const overridePage = await import('../children/[childId]/override/+page.server');
	const editPage = await import('../children/[childId]/edit/+page.server');
	const revealPage = await import('../children/[childId]/identity-code/+page.server');
	const exportLog = await import('../children/[childId]/access-log/+server');
	const { makeWorld } = await import('$lib/server/testing/route-walk');

	it.each([
		[
			'access-log export',
			'consultant',
			(w: any) => ({ params: { childId: w.ids.childId } }),
			() => exportLog.GET
		],
		[
			'identity code',
			'consultant',
			(w: any) => ({ params: { childId: w.ids.childId } }),
			() => revealPage.load
		],
		[
			'child edit form',
			'consultant',
			(w: any) => ({ params: { childId: w.ids.childId } }),
			() => editPage.load
		],
		[
			'override page',
			'consultant',
			(w: any) => ({ params: { childId: w.ids.childId } }),
			() => overridePage.load
		],
		[
			'override',
			'consultant',
			(w: any) => ({ params: { childId: w.ids.childId }, form: { basedOn: '' } }),
			() => overridePage.actions.set!
		],
		[
			'clear override',
			'consultant',
			(w: any) => ({ params: { childId: w.ids.childId }, form: { basedOn: '' } }),
			() => overridePage.actions.clear!
		],
		[
			'add a role',
			'admin',
			(w: any) => ({ params: { userId: w.ids.userId }, form: {} }),
			() => adminUser.actions.addMembership!
		],
		[
			'remove a role',
			'admin',
			(w: any) => ({ params: { userId: w.ids.userId }, form: {} }),
			() => adminUser.actions.removeMembership!
		],
		[
			'reset a factor (admin)',
			'admin',
			(w: any) => ({ params: { userId: w.ids.userId } }),
			() => adminUser.actions.resetFactor!
		],
		['approve a member', 'consultant', () => ({ form: {} }), () => team.actions.approve!],
		['refuse a member', 'consultant', () => ({ form: {} }), () => team.actions.refuse!],
		['reset a factor (team)', 'consultant', () => ({ form: {} }), () => team.actions.resetFactor!],
		[
			'change one’s password',
			'consultant',
			() => ({ form: {} }),
			() => account.actions.changePassword!
		],
		[
			'new recovery codes',
			'consultant',
			() => ({ form: {} }),
			() => account.actions.newRecoveryCodes!
		],
		[
			'replace one’s factor',
			'consultant',
			() => ({ form: {} }),
			() => account.actions.replaceFactor!
		]
	] as const)('%s', async (_, who, opts, fn) => {
		const w = await makeWorld();
		const userId = who === 'admin' ? w.users.admin : w.users.consultant;
		const stale = await eventFor(userId, { ...opts(w), url: 'http://localhost/somewhere' });
		(stale.locals as any).session.reauthAt = new Date(Date.now() - 11 * 60_000);
		const r: any = await outcome(() => (fn() as any)(stale));
		expect(r).toMatchObject({ status: 303, location: '/reauth?next=%2Fsomewhere' });
		// With a fresh confirmation the same call is not sent to confirm.
		const fresh = await eventFor(userId, { ...opts(w), url: 'http://localhost/somewhere' });
		const again: any = await outcome(() => (fn() as any)(fresh));
		expect(again.location ?? '').not.toMatch(/^\/reauth/);
	});
});
