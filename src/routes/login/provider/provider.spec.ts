import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deactivateLeavers } from '$lib/server/auth/leavers';
import { readEnv } from '$lib/server/env';
import { validateSessionToken } from '$lib/server/auth';
import {
	membership,
	organisation,
	providerSignIn,
	session,
	team as teamTable,
	user,
	userIdentity
} from '$lib/server/db/schema';
import {
	APP,
	db,
	eventFor,
	makeChild,
	makeMembership,
	makeTeamScene,
	makeUser,
	TEST_PASSWORD,
	uniq
} from '$lib/server/testing/fixtures';
import { followRedirects, startTestProvider } from '$lib/server/testing/oidc-provider';
import { useTestProvider } from '$lib/server/testing/provider-env';
import { appCookies, outcome } from '$lib/server/testing/routes';
import * as start from './+server';
import * as callback from './callback/+page.server';
import * as loginPage from '../+page.server';
import * as logoutPage from '../../logout/+page.server';
import * as home from '../../+page.server';
import * as childPage from '../../children/[childId]/+page.server';
import * as orgPage from '../../admin/organisations/[organisationId]/+page.server';
import * as userPage from '../../admin/users/[userId]/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/**
 * Signing in with the organisation's identity provider (DOMAIN §12, ADR 040), through the
 * app's routes against a real OpenID Provider started here: the account by issuer and
 * subject, a first sign-in waiting for approval, the provider's second factor or the app's
 * own, refusals that write nothing, leavers, linking, confirming and signing out.
 */
const CALLBACK = `${APP}/login/provider/callback`;
const provider = useTestProvider('OIDC', CALLBACK);

/** A person at the provider; `mfa`: the provider asserts a second factor. */
function person(mfa = true, email: string | null = `p-${uniq()}@kunta.example`) {
	const sub = `sub-${uniq()}`;
	provider.op.people.set(sub, {
		sub,
		email: email ?? undefined,
		name: 'Testi Henkilö',
		amr: mfa ? ['pwd', 'mfa'] : ['pwd']
	});
	return sub;
}

/**
 * Signs `sub` in as a browser does: the app's start, the provider's pages, the app's
 * callback. `as`: a signed-in user of the app (linking, confirming); `tamper` changes the
 * provider's answer before the app sees it.
 */
async function signIn(
	sub: string | null,
	opts: { as?: string; query?: string; tamper?: (u: URL) => void; cookies?: any } = {}
) {
	provider.op.choose = sub;
	const cookies = opts.cookies ?? appCookies();
	const startEvent: any = await eventFor(opts.as ?? null, {
		url: `${APP}/login/provider${opts.query ?? '?next=%2Fteam'}`
	});
	startEvent.cookies = cookies;
	const started = await outcome(() => start.GET(startEvent));
	if (started.status !== 303 || !started.location!.startsWith(provider.op.issuer))
		return { started, callback: null, cookies, locals: startEvent.locals };
	const answer = await followRedirects(started.location!, CALLBACK);
	opts.tamper?.(answer);
	const backEvent: any = await eventFor(null, { url: answer.href });
	backEvent.cookies = cookies;
	backEvent.locals = startEvent.locals;
	const done = await outcome(() => callback.load(backEvent));
	return { started, callback: done, cookies, locals: startEvent.locals };
}

async function identityOf(sub: string) {
	const [row] = await (
		await db()
	)
		.select()
		.from(userIdentity)
		.where(and(eq(userIdentity.issuer, provider.op.issuer), eq(userIdentity.subject, sub)));
	return row;
}

async function sessionOf(token: string) {
	return validateSessionToken(await db(), token);
}

async function counts() {
	const d = await db();
	const [u] = await d.select({ n: count() }).from(user);
	const [s] = await d.select({ n: count() }).from(session);
	const [i] = await d.select({ n: count() }).from(userIdentity);
	return { users: u!.n, sessions: s!.n, identities: i!.n };
}

describe('the first sign-in through the provider', () => {
	it('makes an account keyed by issuer and subject, signed in, waiting for approval', async () => {
		const sub = person(true);
		const r = await signIn(sub);
		expect(r.callback).toMatchObject({ status: 303, location: '/team' });
		const identity = (await identityOf(sub))!;
		expect(identity.issuer).toBe(provider.op.issuer);
		const s = await sessionOf(r.cookies.jar.get('session'));
		expect(s.user?.id).toBe(identity.userId);
		// The provider asserted the second factor: a full session, which came through it.
		expect(s.session?.secondFactorAt).not.toBeNull();
		expect(s.session?.providerIssuer).toBe(provider.op.issuer);
		// No membership: the home page says who approves, and no child opens.
		const h = await outcome(async () => home.load((await eventFor(identity.userId)) as any));
		expect(h.value.awaiting.lines).toEqual([
			'Ylläpitäjä antaa sinulle organisaation ja roolin. Siihen asti et näe lasten tietoja.'
		]);
		// The admin's page of the account: no role yet, signing in through the provider.
		const admin = (await makeUser('admin')).user.id;
		const shown = await outcome(async () =>
			userPage.load((await eventFor(admin, { params: { userId: identity.userId } })) as any)
		);
		expect(shown.value.profile).toMatchObject({
			memberships: [],
			viaProvider: true,
			hasPassword: false
		});
		const own = await outcome(async () =>
			userPage.load((await eventFor(admin, { params: { userId: admin } })) as any)
		);
		expect(own.value.profile).toMatchObject({ viaProvider: false });
		const cp = await makeTeamScene(['social_worker']);
		const c = await makeChild(cp.teamId);
		const denied = await outcome(async () =>
			childPage.load((await eventFor(identity.userId, { params: { childId: c.id } })) as any)
		);
		expect(denied.status).toBe(404);
	});

	it('opens the account it made before on the next sign-in, and the approved team role with it', async () => {
		const sub = person(true);
		await signIn(sub);
		const { userId } = (await identityOf(sub))!;
		const scene = await makeTeamScene(['consultant_social_worker']);
		await makeMembership(userId, scene.organisationId, 'social_worker', {
			teamId: scene.teamId,
			approvedAt: null
		});
		const d = await db();
		// Given by an admin, not yet approved by the team: the home page names the team.
		const before = await outcome(async () => home.load((await eventFor(userId)) as any));
		const [team] = await d.select().from(teamTable).where(eq(teamTable.id, scene.teamId));
		expect(before.value.awaiting.lines).toEqual([
			`${scene.organisation.name} / ${team!.name}: odottaa tiimin konsultoivan sosiaalityöntekijän hyväksyntää.`
		]);
		await d
			.update(membership)
			.set({ approvedAt: new Date(), approvedBy: scene.users.consultant_social_worker })
			.where(eq(membership.userId, userId));
		const again = await signIn(sub);
		expect(again.callback).toMatchObject({ status: 303 });
		const s = await sessionOf(again.cookies.jar.get('session'));
		expect(s.user?.id).toBe(userId);
		expect(s.user?.roles).toEqual(['social_worker']);
		const [mine] = await d.select({ n: count() }).from(user).where(eq(user.id, userId));
		expect(mine!.n).toBe(1);
	});

	it('without the provider’s second factor, asks for the app’s own (set up the first time)', async () => {
		const r = await signIn(person(false));
		expect(r.callback).toMatchObject({ status: 303, location: '/login/setup?next=%2Fteam' });
		const s = await sessionOf(r.cookies.jar.get('session'));
		expect(s.session?.secondFactorAt).toBeNull();
	});

	it('never takes an account by its e-mail: an address already in use is refused, nothing made', async () => {
		const existing = await makeUser('social_worker');
		const sub = person(true, existing.user.email);
		const before = await counts();
		const r = await signIn(sub);
		expect(r.callback?.value).toMatchObject({ problem: 'email_taken' });
		expect(await identityOf(sub)).toBeUndefined();
		expect(await counts()).toEqual(before);
	});

	it('refuses an identity without an e-mail address, writing nothing', async () => {
		const before = await counts();
		const r = await signIn(person(true, null));
		expect(r.callback?.value).toMatchObject({ problem: 'no_email' });
		expect(await counts()).toEqual(before);
	});
});

describe('answers the app refuses, writing nothing', () => {
	it('a changed state', async () => {
		const sub = person(true);
		const before = await counts();
		const r = await signIn(sub, { tamper: (u) => u.searchParams.set('state', 'forged') });
		expect(r.callback?.value).toMatchObject({ problem: 'failed' });
		expect(await counts()).toEqual(before);
		expect(r.cookies.jar.has('session')).toBe(false);
	});

	it('an answer replayed: the handle works once', async () => {
		const sub = person(true);
		const cookies = appCookies();
		provider.op.choose = sub;
		const startEvent: any = await eventFor(null, { url: `${APP}/login/provider` });
		startEvent.cookies = cookies;
		const started = await outcome(() => start.GET(startEvent));
		const answer = await followRedirects(started.location!, CALLBACK);
		const handle = cookies.jar.get('provider_sign_in')!;
		const first: any = await eventFor(null, { url: answer.href });
		first.cookies = cookies;
		expect((await outcome(() => callback.load(first))).status).toBe(303);
		const before = await counts();
		cookies.jar.set('provider_sign_in', handle);
		const second: any = await eventFor(null, { url: answer.href });
		second.cookies = cookies;
		expect((await outcome(() => callback.load(second))).value).toMatchObject({
			problem: 'expired'
		});
		expect(await counts()).toEqual(before);
	});

	it('an answer in a browser that did not start the sign-in (no handle)', async () => {
		const r = await signIn(person(true), { cookies: appCookies() });
		const stray: any = await eventFor(null, { url: `${CALLBACK}?code=x&state=y` });
		expect((await outcome(() => callback.load(stray))).value).toMatchObject({ problem: 'expired' });
		expect(r.callback?.status).toBe(303);
	});

	it('the provider down: a clear page, and nothing written', async () => {
		const down = await startTestProvider(CALLBACK);
		await down.close();
		const issuer = process.env.OIDC_ISSUER;
		process.env.OIDC_ISSUER = down.issuer;
		try {
			const d = await db();
			const [before] = await d.select({ n: count() }).from(providerSignIn);
			const e: any = await eventFor(null, { url: `${APP}/login/provider` });
			const r = await outcome(() => start.GET(e));
			expect(r).toMatchObject({
				status: 303,
				location: '/login/provider/callback?problem=unavailable'
			});
			const page: any = await eventFor(null, { url: `${APP}${r.location}` });
			expect((await outcome(() => callback.load(page))).value).toEqual({
				problem: 'unavailable'
			});
			const [after] = await d.select({ n: count() }).from(providerSignIn);
			expect(after!.n).toBe(before!.n);
		} finally {
			process.env.OIDC_ISSUER = issuer;
		}
	});

	it('no provider set up: the routes are not there', async () => {
		for (const k of provider.keys) delete process.env[k];
		try {
			const e: any = await eventFor(null, { url: `${APP}/login/provider` });
			expect((await outcome(() => start.GET(e))).status).toBe(404);
			const back: any = await eventFor(null, { url: `${CALLBACK}?code=x&state=y` });
			expect((await outcome(() => callback.load(back))).status).toBe(404);
			const l = await outcome(async () => loginPage.load((await eventFor(null)) as any));
			expect(l.value.providers).toEqual([]);
		} finally {
			process.env.OIDC_ISSUER = provider.op.issuer;
			process.env.OIDC_CLIENT_ID = provider.op.clientId;
			process.env.OIDC_CLIENT_SECRET = provider.op.clientSecret;
		}
	});
});

describe('several providers (OIDC_PROVIDERS)', () => {
	it('a button each; a sign-in goes to the one chosen and back; another tenant is refused', async () => {
		const second = await startTestProvider(CALLBACK);
		process.env.OIDC_PROVIDERS = JSON.stringify([
			{
				id: 'kunta',
				label: 'Järvelän kaupunki',
				issuer: second.issuer,
				clientId: second.clientId,
				clientSecret: second.clientSecret,
				emailClaim: 'upn',
				allowed: { claim: 'tid', values: ['jarvela'] }
			}
		]);
		try {
			const l = await outcome(async () => loginPage.load((await eventFor(null)) as any));
			expect(l.value.providers).toEqual([
				{ id: 'organisation', label: null },
				{ id: 'kunta', label: 'Järvelän kaupunki' }
			]);
			const sub = `sub-${uniq()}`;
			const email = `k-${uniq()}@jarvela.example`;
			second.people.set(sub, { sub, amr: ['mfa'], claims: { tid: 'jarvela', upn: email } });
			second.choose = sub;
			const cookies = appCookies();
			const startEvent: any = await eventFor(null, {
				url: `${APP}/login/provider?provider=kunta`
			});
			startEvent.cookies = cookies;
			const started = await outcome(() => start.GET(startEvent));
			expect(started.location!.startsWith(second.issuer)).toBe(true);
			const answer = await followRedirects(started.location!, CALLBACK);
			const back: any = await eventFor(null, { url: answer.href });
			back.cookies = cookies;
			expect(await outcome(() => callback.load(back))).toMatchObject({ status: 303 });
			const [made] = await (
				await db()
			)
				.select({ email: user.email })
				.from(userIdentity)
				.innerJoin(user, eq(user.id, userIdentity.userId))
				.where(and(eq(userIdentity.issuer, second.issuer), eq(userIdentity.subject, sub)));
			// The e-mail from the mapped claim.
			expect(made!.email).toBe(email);

			const stranger = `sub-${uniq()}`;
			second.people.set(stranger, { sub: stranger, amr: ['mfa'], claims: { tid: 'muu' } });
			second.choose = stranger;
			const before = await counts();
			const s2: any = await eventFor(null, { url: `${APP}/login/provider?provider=kunta` });
			s2.cookies = appCookies();
			const st2 = await outcome(() => start.GET(s2));
			const a2 = await followRedirects(st2.location!, CALLBACK);
			const b2: any = await eventFor(null, { url: a2.href });
			b2.cookies = s2.cookies;
			// Starting again goes back to the provider it went to.
			expect((await outcome(() => callback.load(b2))).value).toEqual({
				problem: 'not_allowed',
				provider: 'kunta'
			});
			expect(await counts()).toEqual(before);
			// An unknown provider id is no route.
			const x: any = await eventFor(null, { url: `${APP}/login/provider?provider=muu` });
			expect((await outcome(() => start.GET(x))).status).toBe(404);
		} finally {
			delete process.env.OIDC_PROVIDERS;
			await second.close();
		}
	});

	it('refuses a configuration that is not a list of whole providers', () => {
		const one = {
			id: 'kunta',
			label: 'Kunta',
			issuer: 'https://login.kunta.example',
			clientId: 'a',
			clientSecret: 'b'
		};
		expect(() => readEnv({ OIDC_PROVIDERS: 'not json' })).toThrow(/OIDC_PROVIDERS/);
		expect(() => readEnv({ OIDC_PROVIDERS: JSON.stringify([one, one]) })).toThrow(/OIDC_PROVIDERS/);
		expect(() =>
			readEnv({
				OIDC_PROVIDERS: JSON.stringify([{ ...one, issuer: 'http://login.kunta.example' }])
			})
		).toThrow(/OIDC_PROVIDERS/);
		expect(() =>
			readEnv({ OIDC_PROVIDERS: JSON.stringify([{ ...one, clientSecret: undefined }]) })
		).toThrow(/OIDC_PROVIDERS/);
		expect(readEnv({ OIDC_PROVIDERS: JSON.stringify([one]) }).OIDC_PROVIDERS).toEqual([one]);
	});
});

describe('leavers', () => {
	it('deactivates an account the provider has not signed in for the set days, and ends its sessions', async () => {
		const gone = person(true);
		const stays = person(true);
		await signIn(gone);
		const left = await signIn(gone);
		await signIn(stays);
		const d = await db();
		const leaver = (await identityOf(gone))!;
		const now = new Date();
		await d
			.update(userIdentity)
			.set({ lastSignInAt: new Date(now.getTime() - 61 * 86400_000) })
			.where(eq(userIdentity.id, leaver.id));
		const passwordOnly = await makeUser('social_worker');
		const ids = await deactivateLeavers(d, 60, now);
		expect(ids).toContain(leaver.userId);
		expect(ids).not.toContain((await identityOf(stays))!.userId);
		expect(ids).not.toContain(passwordOnly.user.id);
		expect((await sessionOf(left.cookies.jar.get('session'))).session).toBeNull();
		// And the provider's next sign-in of the leaver is refused.
		const back = await signIn(gone);
		expect(back.callback?.value).toMatchObject({ problem: 'inactive' });
	});
});

describe('a signed-in person and the provider', () => {
	it('links their password account to their identity; the provider then signs them into it', async () => {
		const u = await makeUser('social_worker');
		const sub = person(true);
		const r = await signIn(sub, { as: u.user.id, query: '?for=link&next=%2Faccount' });
		expect(r.callback).toMatchObject({ status: 303, location: '/account?provider_linked=1' });
		expect((await identityOf(sub))!.userId).toBe(u.user.id);
		const next = await signIn(sub);
		expect((await sessionOf(next.cookies.jar.get('session'))).user?.id).toBe(u.user.id);
	});

	it('cannot link an identity that is someone else’s', async () => {
		const sub = person(true);
		await signIn(sub);
		const other = await makeUser('social_worker');
		const r = await signIn(sub, { as: other.user.id, query: '?for=link' });
		expect(r.callback?.value).toMatchObject({ problem: 'other_account' });
		expect((await identityOf(sub))!.userId).not.toBe(other.user.id);
	});

	it('signed out, cannot link: the start sends them to sign in', async () => {
		const e: any = await eventFor(null, { url: `${APP}/login/provider?for=link` });
		expect(await outcome(() => start.GET(e))).toMatchObject({
			status: 303,
			location: '/login?next=%2F'
		});
	});

	it('confirms who they are for a sensitive action when the provider asserts the second factor', async () => {
		const u = await makeUser('social_worker');
		const sub = person(true);
		await signIn(sub, { as: u.user.id, query: '?for=link' });
		const r = await signIn(sub, { as: u.user.id, query: '?for=confirm&next=%2Fteam' });
		expect(r.callback).toMatchObject({ status: 303, location: '/team' });
		const [row] = await (
			await db()
		)
			.select({ reauthAt: session.reauthAt })
			.from(session)
			.where(eq(session.id, r.locals.session.id));
		expect(row!.reauthAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
		// Without the provider's second factor, confirming is refused.
		const weak = person(false);
		const w = await makeUser('social_worker');
		await signIn(weak, { as: w.user.id, query: '?for=link' });
		const refused = await signIn(weak, { as: w.user.id, query: '?for=confirm' });
		expect(refused.callback?.value).toMatchObject({ problem: 'no_second_factor' });
	});

	it('signing out of a provider session offers the provider’s own sign-out', async () => {
		const sub = person(true);
		const r = await signIn(sub);
		const token = r.cookies.jar.get('session');
		const s = (await sessionOf(token)).session!;
		const e: any = await eventFor(null, { url: `${APP}/logout`, form: {} });
		e.locals.session = s;
		const out = await outcome(() => logoutPage.actions.logout!(e));
		expect(out).toMatchObject({
			status: 303,
			location: '/login?logged_out=1&provider=organisation'
		});
		expect((await sessionOf(token)).session).toBeNull();
		const page = await outcome(async () =>
			loginPage.load(
				(await eventFor(null, { url: `${APP}/login?logged_out=1&provider=organisation` })) as any
			)
		);
		const to = new URL(page.value.providerSignOut);
		expect(to.origin).toBe(new URL(provider.op.issuer).origin);
		expect(to.searchParams.get('client_id')).toBe(provider.op.clientId);
		expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/login?logged_out=1`);
		// A password session's sign-out says nothing of a provider.
		const p: any = await eventFor((await makeUser('social_worker')).user.id, {
			url: `${APP}/logout`,
			form: {}
		});
		expect(await outcome(() => logoutPage.actions.logout!(p))).toMatchObject({
			location: '/login?logged_out=1'
		});
	});
});

describe('an organisation that signs in through its provider only', () => {
	it('refuses its member’s right password, and lets others in', async () => {
		const d = await db();
		const strict = await makeTeamScene(['social_worker']);
		const open = await makeTeamScene(['social_worker']);
		// The admin sets it on the organisation's page.
		const admin = (await makeUser('admin')).user.id;
		const [org] = await d
			.select()
			.from(organisation)
			.where(eq(organisation.id, strict.organisationId));
		const saved = await outcome(async () =>
			orgPage.actions.save!(
				(await eventFor(admin, {
					params: { organisationId: org!.id },
					form: {
						name: org!.name,
						kind: org!.kind,
						municipality: '',
						emergencyPhone: '',
						firstClientPlanDays: '30',
						signIn: 'provider_only',
						version: String(org!.version)
					}
				})) as any
			)
		);
		expect(saved.status).toBe(303);
		const shown = await outcome(async () =>
			orgPage.load((await eventFor(admin, { params: { organisationId: org!.id } })) as any)
		);
		expect(shown.value.form.data.signIn).toBe('provider_only');
		const emailOf = async (id: string) =>
			(await d.select({ email: user.email }).from(user).where(eq(user.id, id)))[0]!.email;
		const tryLogin = async (id: string) =>
			outcome(async () =>
				loginPage.actions.login!(
					(await eventFor(null, {
						url: `${APP}/login`,
						form: { email: await emailOf(id), password: TEST_PASSWORD, next: '/' }
					})) as any
				)
			);
		const refused = await tryLogin(strict.users.social_worker!);
		expect(refused.status).toBe(400);
		expect(JSON.stringify(refused.data)).toContain('organisaation tunnuksella');
		expect(await tryLogin(open.users.social_worker!)).toMatchObject({ status: 303 });
	});
});
