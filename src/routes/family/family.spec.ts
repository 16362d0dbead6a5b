import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { validateFamilySession } from '$lib/server/auth';
import { accessLog, familyNote, familySession } from '$lib/server/db/schema';
import { log } from '$lib/server/log';
import {
	APP,
	db,
	eventFor,
	makeChild,
	makeFamilyPerson,
	makeGrant,
	makeGuardian,
	makePartner,
	makeTeamScene,
	testIdentityCode,
	makeClientPlan
} from '$lib/server/testing/fixtures';
import { followRedirects, IDENTITY_CODE_CLAIM } from '$lib/server/testing/oidc-provider';
import { useTestProvider } from '$lib/server/testing/provider-env';
import { throughGate } from '$lib/server/testing/route-walk';
import { appCookies, outcome } from '$lib/server/testing/routes';
import * as start from './login/start/+server';
import * as callback from './login/callback/+server';
import * as loginPage from './login/+page.server';
import * as home from './+page.server';
import * as childPage from './[childId]/+page.server';
import * as readLog from './[childId]/read-log/+page.server';
import * as signOut from './logout/+server';
import * as staffChildPage from '../children/[childId]/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/**
 * The family's own pages (DOMAIN §11–12, issue 36, ADR 041), through the app's routes
 * against a real OpenID provider in Suomi.fi's shape: who gets in (a current guardian, the
 * child from 12) and who does not (a child under 12, a restricted or former guardian, a
 * stranger: the same plain answer), what each sees, the access log's family basis, the
 * family gate, and "who has read our data" behind a fresh identification.
 */
const CALLBACK = `${APP}/family/login/callback`;
const LOA3 = 'http://ftn.ficora.fi/2017/loa3';
const provider = useTestProvider('SUOMIFI', CALLBACK);

const testCode = testIdentityCode;

let scene: Awaited<ReturnType<typeof makeTeamScene>>;
const parent = testCode(1980);
const restricted = testCode(1981);
const former = testCode(1982);
const stranger = testCode(1983);
const young = testCode(2012);
const little = testCode(2018);
let youngId: string;
let littleId: string;
let otherChildId: string;

beforeAll(async () => {
	for (const [sub, p] of Object.entries({ parent, restricted, former, stranger, young, little }))
		provider.op.people.set(sub, {
			sub,
			name: `Testi ${sub}`,
			acr: LOA3,
			claims: { [IDENTITY_CODE_CLAIM]: p.code }
		});
	provider.op.people.set('weak', {
		sub: 'weak',
		acr: 'http://ftn.ficora.fi/2017/loa1',
		claims: { [IDENTITY_CODE_CLAIM]: parent.code }
	});
	scene = await makeTeamScene(['social_worker']);
	const worker = scene.users.social_worker!;
	youngId = (
		await makeChild(scene.teamId, {
			dateOfBirth: '2012-01-01',
			personalIdentityCode: young.code,
			responsibleWorkerId: worker
		})
	).id;
	littleId = (
		await makeChild(scene.teamId, { dateOfBirth: '2018-01-01', personalIdentityCode: little.code })
	).id;
	otherChildId = (await makeChild(scene.teamId)).id;
	for (const childId of [youngId, littleId]) await makeGuardian(childId, parent.code, worker);
	await makeGuardian(youngId, restricted.code, worker, {
		restrictionReason: 'Lapsen etu',
		restrictionReviewOn: '2099-01-01',
		restrictedBy: worker,
		restrictedAt: new Date()
	});
	await makeGuardian(youngId, former.code, worker, { endedAt: new Date(), endedBy: worker });
	await makeClientPlan(youngId, worker, {
		madeOn: '2026-01-10',
		situation: 'Tilanne on rauhoittunut.',
		goals: 'Koulunkäynti sujuu.',
		services: 'Perhetyö',
		childView: 'NUOREN OMA NÄKEMYS',
		parentsView: 'VANHEMPIEN NÄKEMYS',
		participation: 'Tapaamiset kerran kuussa.',
		nextReviewOn: '2099-01-10'
	});
});

/** Signs `sub` in as a browser does: the app's start, Suomi.fi's pages, the app's callback. */
async function signIn(sub: string, opts: { query?: string; locals?: any; cookies?: any } = {}) {
	provider.op.choose = sub;
	const cookies = opts.cookies ?? appCookies();
	const startEvent: any = await eventFor(null, {
		url: `${APP}/family/login/start${opts.query ?? ''}`,
		routeId: '/family/login/start'
	});
	if (opts.locals) startEvent.locals = opts.locals;
	startEvent.cookies = cookies;
	const started = await outcome(() => start.GET(startEvent));
	expect(started.location).toMatch(new RegExp(`^${provider.op.issuer}`));
	const answer = await followRedirects(started.location!, CALLBACK);
	const backEvent: any = await eventFor(null, {
		url: answer.href,
		routeId: '/family/login/callback'
	});
	backEvent.locals = opts.locals ?? startEvent.locals;
	backEvent.cookies = cookies;
	const done = await outcome(() => callback.GET(backEvent));
	return { done, cookies, requestId: backEvent.locals.requestId as string };
}

/** The family session the browser's cookie holds, as the hook would find it. */
async function sessionOf(cookies: ReturnType<typeof appCookies>) {
	const token = cookies.jar.get('family');
	return token ? validateFamilySession(await db(), token, new Date()) : null;
}

/** A family member's request to a family page, as the hook builds it. */
async function asFamily(personId: string, routeId: string, params: Record<string, string> = {}) {
	const path = routeId.replace(/\[(\w+)\]/g, (_, k: string) => params[k]!);
	return eventFor(null, { url: `${APP}${path}`, routeId, params, familyPersonId: personId });
}

async function personOf(p: { code: string }) {
	return (await makeFamilyPerson(p.code)).id;
}

describe('signing in with Suomi.fi (DOMAIN §12)', () => {
	it('lets a current guardian in, to the children recorded with them', async () => {
		const { done, cookies } = await signIn('parent', { query: '?next=%2Ffamily' });
		expect(done).toMatchObject({ status: 303, location: '/family' });
		const s = await sessionOf(cookies);
		expect(s).not.toBeNull();
		// Shorter than a staff session: 15 minutes idle, 2 hours in all.
		const made = s!.session.absoluteExpiresAt.getTime() - s!.session.expiresAt.getTime();
		expect(made).toBeGreaterThan(100 * 60 * 1000);
		const page = await outcome(async () =>
			home.load((await asFamily(s!.person.personId, '/family')) as any)
		);
		const children = (page as any).value.children as { childId: string; basis: string }[];
		expect(children.map((c) => c.childId).sort()).toEqual([youngId, littleId].sort());
		expect(children.every((c) => c.basis === 'guardian')).toBe(true);
	});

	it('lets a child of 12 or more in to their own data only', async () => {
		const { done, cookies } = await signIn('young');
		expect(done.status).toBe(303);
		const s = await sessionOf(cookies);
		const page: any = await outcome(async () =>
			home.load((await asFamily(s!.person.personId, '/family')) as any)
		);
		expect(page.value.children).toEqual([
			expect.objectContaining({ childId: youngId, basis: 'own_data', guardianId: null })
		]);
	});

	it.each(['little', 'restricted', 'former', 'stranger'])(
		'refuses %s with the same plain page, logged without the identity code',
		async (who) => {
			const warn = vi.spyOn(log, 'info');
			const { done, cookies, requestId } = await signIn(who);
			expect(done).toMatchObject({
				status: 303,
				location: '/family/login?problem=no_access'
			});
			expect(cookies.jar.get('family')).toBeUndefined();
			const rows = await (
				await db()
			)
				.select()
				.from(accessLog)
				.where(and(eq(accessLog.requestId, requestId), eq(accessLog.outcome, 'denied')));
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({ entityType: 'family', childId: null, entityId: null });
			const code = { little, restricted, former, stranger }[who]!.code;
			expect(JSON.stringify(rows)).not.toContain(code);
			expect(JSON.stringify(warn.mock.calls)).not.toContain(code);
			warn.mockRestore();
		}
	);

	it('refuses an identification that is not strong', async () => {
		const { done, cookies } = await signIn('weak');
		expect(done).toMatchObject({ location: '/family/login?problem=weak_identification' });
		expect(cookies.jar.get('family')).toBeUndefined();
	});

	it('refuses a callback with no sign-in started in this browser', async () => {
		const event: any = await eventFor(null, {
			url: `${CALLBACK}?code=x&state=y`,
			routeId: '/family/login/callback'
		});
		expect(await outcome(() => callback.GET(event))).toMatchObject({
			location: '/family/login?problem=expired'
		});
		// The refusal's own address shows it, and only the known refusals.
		const shown: any = await eventFor(null, {
			url: `${APP}/family/login?problem=no_access`,
			routeId: '/family/login'
		});
		expect(await outcome(() => loginPage.load(shown))).toMatchObject({
			value: { problem: { noAccess: true, title: 'Sinulle ei ole tietoja täällä' } }
		});
		// Neither markup nor a name every object has (`toString`) is a refusal.
		for (const value of ['%3Cscript%3E', 'toString']) {
			const unknown: any = await eventFor(null, {
				url: `${APP}/family/login?problem=${value}`,
				routeId: '/family/login'
			});
			expect(await outcome(() => loginPage.load(unknown))).toMatchObject({
				value: { problem: null }
			});
		}
	});

	it('signs out: the session is gone', async () => {
		const { cookies } = await signIn('parent');
		const s = await sessionOf(cookies);
		const event: any = await asFamily(s!.person.personId, '/family/logout');
		// The browser's own session, as the hook would have found it from the cookie.
		event.locals.family = s;
		event.locals.context = { ...event.locals.context, sessionId: s!.session.id };
		event.cookies = cookies;
		expect(await outcome(() => signOut.POST(event))).toMatchObject({
			status: 303,
			location: '/family/login?logged_out=1'
		});
		expect(cookies.jar.get('family')).toBeUndefined();
		const left = await (
			await db()
		)
			.select()
			.from(familySession)
			.where(eq(familySession.id, s!.session.id));
		expect(left).toHaveLength(0);
	});
});

describe('what each family member sees (DOMAIN §11)', () => {
	it('a guardian: the summary and the plan with the parents’ view, logged as guardian', async () => {
		const personId = await personOf(parent);
		const event: any = await asFamily(personId, '/family/[childId]', { childId: youngId });
		const page: any = await outcome(() => childPage.load(event));
		expect(page.status).toBe(200);
		// The summary as the family reads it: sentences made on the server, naming the team.
		expect(page.value.summary.made).toMatch(/\S/);
		expect(page.value.summary.heading).toMatch(/\S/);
		expect(page.value.plan.ownView).toBe('VANHEMPIEN NÄKEMYS');
		expect(JSON.stringify(page.value)).not.toContain('NUOREN OMA NÄKEMYS');
		const rows = await (
			await db()
		)
			.select()
			.from(accessLog)
			.where(eq(accessLog.requestId, event.locals.requestId));
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.basis === 'guardian' && r.actorUserId === personId)).toBe(true);
		expect(rows.every((r) => r.actorRole === null && r.actorOrganisationId === null)).toBe(true);
	});

	it('the young person: their own view, never the parents’, logged as own data', async () => {
		const personId = await personOf(young);
		const event: any = await asFamily(personId, '/family/[childId]', { childId: youngId });
		const page: any = await outcome(() => childPage.load(event));
		expect(page.value.plan.ownView).toBe('NUOREN OMA NÄKEMYS');
		expect(JSON.stringify(page.value)).not.toContain('VANHEMPIEN NÄKEMYS');
		const [row] = await (
			await db()
		)
			.select()
			.from(accessLog)
			.where(eq(accessLog.requestId, event.locals.requestId));
		expect(row!.basis).toBe('own_data');
	});

	it.each([
		['the young person, a sibling', () => young, () => littleId],
		['a guardian, another family’s child', () => parent, () => otherChildId],
		['a restricted guardian', () => restricted, () => youngId],
		['a former guardian', () => former, () => youngId],
		['a child under 12, their own page', () => little, () => littleId]
	])('%s: 404, and the denial logged', async (_, who, child) => {
		const personId = await personOf(who());
		const event: any = await asFamily(personId, '/family/[childId]', { childId: child() });
		expect(await outcome(() => childPage.load(event))).toEqual({ status: 404 });
		const rows = await (
			await db()
		)
			.select()
			.from(accessLog)
			.where(eq(accessLog.requestId, event.locals.requestId));
		expect(rows).toEqual([
			expect.objectContaining({ outcome: 'denied', childId: child(), basis: 'family' })
		]);
	});

	it('staff: a family page is 404 for a staff session, a staff page 404 for a family one', async () => {
		const staff: any = await eventFor(scene.users.social_worker!, {
			url: `${APP}/family/${youngId}`,
			routeId: '/family/[childId]',
			params: { childId: youngId }
		});
		expect(await outcome(() => childPage.load(staff))).toEqual({ status: 404 });
		const family = { session: {} as never, person: { personId: crypto.randomUUID(), name: null } };
		const gated = await throughGate('/children/[childId]', { family });
		expect(gated.resolved).toBe(false);
		expect(gated.response.status).toBe(404);
		// And the load itself refuses a family visitor (no staff context to act through).
		const event: any = await asFamily(await personOf(parent), '/children/[childId]', {
			childId: youngId
		});
		expect((await outcome(() => staffChildPage.load(event))).status).toBe(303);
		// A visitor with no family session is sent to the family's sign-in.
		const none = await throughGate('/family/[childId]', {});
		expect(none.response.headers.get('location')).toMatch(/^\/family\/login\?next=/);
	});
});

describe('who has read our data (Act 703/2023 § 11)', () => {
	it('shows the staff’s reads by organisation and role, and the reader’s own as theirs', async () => {
		const personId = await personOf(parent);
		// The worker opens the child's page: a read by the team, on the team's basis.
		await outcome(async () =>
			staffChildPage.load(
				(await eventFor(scene.users.social_worker!, {
					url: `${APP}/children/${youngId}`,
					routeId: '/children/[childId]',
					params: { childId: youngId }
				})) as any
			)
		);
		await outcome(async () =>
			childPage.load((await asFamily(personId, '/family/[childId]', { childId: youngId })) as any)
		);
		const event: any = await asFamily(personId, '/family/[childId]/read-log', {
			childId: youngId
		});
		const page: any = await outcome(() => readLog.load(event));
		expect(page.status).toBe(200);
		const lines = page.value.lines as { who: string; what: string; basis: string }[];
		expect(
			lines.some((l) => l.who.startsWith(scene.organisation.name) && l.basis === 'oma tiimi')
		).toBe(true);
		expect(lines.some((l) => l.who === 'Sinä itse' && l.basis === 'huoltajuus')).toBe(true);
		// Plain words only: no code of the log reaches the page.
		expect(JSON.stringify(lines)).not.toMatch(/family_summary|client_plan|own_data|guardian\b/);
	});

	it('asks for a fresh identification when the last is over 10 minutes old', async () => {
		const personId = await personOf(parent);
		const event: any = await asFamily(personId, '/family/[childId]/read-log', {
			childId: youngId
		});
		event.locals.context = {
			...event.locals.context,
			reidentifiedAt: new Date(Date.now() - 11 * 60_000)
		};
		const page = await outcome(() => readLog.load(event));
		expect(page).toMatchObject({ status: 303 });
		expect((page as any).location).toMatch(/^\/family\/login\/start\?for=reidentify&next=/);
	});

	it('identifying again refreshes the session, and only as the same person', async () => {
		const { cookies } = await signIn('parent');
		const s = await sessionOf(cookies);
		const old = new Date(Date.now() - 30 * 60_000);
		await (
			await db()
		)
			.update(familySession)
			.set({ reidentifiedAt: old })
			.where(eq(familySession.id, s!.session.id));
		const locals = { ...(await asFamily(s!.person.personId, '/family')).locals, family: s };
		const again = await signIn('parent', {
			query: '?for=reidentify&next=%2Ffamily',
			locals,
			cookies
		});
		expect(again.done).toMatchObject({ status: 303, location: '/family' });
		const [row] = await (
			await db()
		)
			.select({ at: familySession.reidentifiedAt })
			.from(familySession)
			.where(eq(familySession.id, s!.session.id));
		expect(row!.at.getTime()).toBeGreaterThan(old.getTime());
		const other = await signIn('young', { query: '?for=reidentify', locals, cookies });
		expect(other.done).toMatchObject({ location: '/family/login?problem=other_person' });
	});

	it('ends an idle session after 15 minutes', async () => {
		const { cookies } = await signIn('parent');
		const token = cookies.jar.get('family')!;
		const d = await db();
		expect(
			await validateFamilySession(d, token, new Date(Date.now() + 14 * 60_000))
		).not.toBeNull();
		expect(await validateFamilySession(d, token, new Date(Date.now() + 31 * 60_000))).toBeNull();
	});
});

describe('what we want the team to know (DOMAIN §11)', () => {
	const tell = async (who: { code: string }, text: string) => {
		const event: any = await asFamily(await personOf(who), '/family/[childId]', {
			childId: youngId
		});
		(event as { request: Request }).request = new Request(`${APP}/family/${youngId}?/tellTeam`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ text })
		});
		return { r: await outcome(() => childPage.actions.tellTeam!(event)), event };
	};
	const notes = async () =>
		(await db()).select().from(familyNote).where(eq(familyNote.childId, youngId));

	it('a guardian and the young person each write; stored as theirs; logged with their basis', async () => {
		const { r, event } = await tell(parent, 'Toivomme, että koulu ottaa yhteyttä.');
		expect(r).toMatchObject({ status: 303, location: `/family/${youngId}?saved=family_note` });
		const rows = await (
			await db()
		)
			.select()
			.from(accessLog)
			.where(eq(accessLog.requestId, event.locals.requestId));
		expect(rows).toContainEqual(
			expect.objectContaining({ action: 'create', entityType: 'family_note', basis: 'guardian' })
		);
		expect((await tell(young, 'Haluan puhua itse.')).r.status).toBe(303);
		expect((await notes()).map((n) => [n.basis, n.text]).sort()).toEqual([
			['guardian', 'Toivomme, että koulu ottaa yhteyttä.'],
			['own_data', 'Haluan puhua itse.']
		]);
	});

	it('each sees only their own words, never another family member’s', async () => {
		const pageOf = async (who: { code: string }) =>
			(
				(await outcome(async () =>
					childPage.load(
						(await asFamily(await personOf(who), '/family/[childId]', {
							childId: youngId
						})) as any
					)
				)) as any
			).value.notes.map((n: { text: string }) => n.text);
		expect(await pageOf(parent)).toEqual(['Toivomme, että koulu ottaa yhteyttä.']);
		expect(await pageOf(young)).toEqual(['Haluan puhua itse.']);
	});

	it('refuses an empty or too long message, storing nothing', async () => {
		const before = (await notes()).length;
		expect((await tell(parent, '   ')).r.status).toBe(400);
		expect((await tell(parent, 'x'.repeat(2001))).r.status).toBe(400);
		expect((await notes()).length).toBe(before);
	});

	it('the team sees them on the child page marked as the family’s; a partner does not', async () => {
		const team: any = await eventFor(scene.users.social_worker!, {
			url: `${APP}/children/${youngId}`,
			routeId: '/children/[childId]',
			params: { childId: youngId }
		});
		const shown: any = await outcome(() => staffChildPage.load(team));
		const words = shown.value.familyWords;
		expect(words.title).toBe('Perheen omat sanat');
		expect(words.lines.map((l: { who: string }) => l.who)).toEqual([
			expect.stringMatching(/^Lapsi itse, /),
			expect.stringMatching(/^Huoltaja Testi Huoltaja, /)
		]);
		const [read] = await (
			await db()
		)
			.select()
			.from(accessLog)
			.where(
				and(eq(accessLog.requestId, team.locals.requestId), eq(accessLog.entityType, 'family_note'))
			);
		expect(read).toMatchObject({ action: 'read', basis: 'team' });

		const school = await makePartner('school');
		await makeGrant(youngId, school.organisationId, scene.users.social_worker!);
		const partner: any = await eventFor(school.userId, {
			url: `${APP}/children/${youngId}`,
			routeId: '/children/[childId]',
			params: { childId: youngId }
		});
		const theirs: any = await outcome(() => staffChildPage.load(partner));
		expect(theirs.status).toBe(200);
		expect(theirs.value.familyWords).toBeNull();
		expect(JSON.stringify(theirs.value)).not.toContain('Haluan puhua itse.');
	});
});
