import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDate } from '../../domain/access';
import { CURRENT_INSTRUMENT } from '../../domain/instrument';
import {
	accessGrant,
	caseContact,
	assessment,
	child,
	consultation,
	flag,
	intensiveWorkflow,
	notification
} from '../db/schema';
import { gate } from '../http/gate';
import { recomputeChildStatus } from '../features/status';
import { ALL_INVITABLE_UP_TO } from '../features/consultations';
import {
	db,
	eventFor,
	makeFamilyPerson,
	makeGuardian,
	makeInvitablePast,
	makeOrg,
	makeProviderUser,
	makeTeam,
	makeUser,
	testIdentityCode,
	uniq
} from './fixtures';
import { outcome, rowsOf } from './routes';

/* eslint-disable @typescript-eslint/no-explicit-any -- route modules are called generically */

type Fn = (event: any) => unknown;
export type RouteModule = {
	load?: Fn;
	actions?: Record<string, Fn>;
	GET?: Fn;
	POST?: Fn;
	PUT?: Fn;
	PATCH?: Fn;
	DELETE?: Fn;
};

/** One callable thing a route exposes: its load, a named action or an HTTP handler. */
export type Entry = {
	routeId: string;
	file: string;
	kind: 'load' | 'action' | 'endpoint';
	name: string;
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	fn: Fn;
};

// Every server module under src/routes, found from the file system at test time: a new
// route is walked without editing any test.
const modules = {
	...import.meta.glob<RouteModule>('/src/routes/**/+page.server.ts', { eager: true }),
	...import.meta.glob<RouteModule>('/src/routes/**/+layout.server.ts', { eager: true }),
	...import.meta.glob<RouteModule>('/src/routes/**/+server.ts', { eager: true })
};

export function routeIdOf(file: string): string {
	const id = file
		.replace(/^\/src\/routes/, '')
		.replace(/\/\+(page|layout)\.server\.ts$|\/\+server\.ts$/, '');
	return id === '' ? '/' : id;
}

export function discoverEntries(): Entry[] {
	const out: Entry[] = [];
	for (const [file, mod] of Object.entries(modules)) {
		const routeId = routeIdOf(file);
		if (mod.load)
			out.push({ routeId, file, kind: 'load', name: 'load', method: 'GET', fn: mod.load });
		for (const [name, fn] of Object.entries(mod.actions ?? {}))
			out.push({ routeId, file, kind: 'action', name, method: 'POST', fn });
		for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
			const fn = mod[method];
			if (fn) out.push({ routeId, file, kind: 'endpoint', name: method, method, fn });
		}
	}
	return out.sort((a, b) => (a.routeId + a.name).localeCompare(b.routeId + b.name));
}

/** A team, its people, a child with one of everything, and partners with and without a grant. */
export type World = Awaited<ReturnType<typeof makeWorld>>;

export async function makeWorld() {
	const d = await db();
	const cp = await makeOrg('child_protection');
	const t = await makeTeam(cp.id);
	const team = async (role: Parameters<typeof makeUser>[0]) =>
		(await makeUser(role, { organisationId: cp.id, teamId: t.id })).user.id;
	const consultant = await team('consultant_social_worker');
	const socialWorker = await team('social_worker');
	const coordinator = await team('coordinator');
	const admin = (await makeUser('admin')).user.id;
	// The user the admin pages are walked on, so their actions touch nobody else.
	const spare = (await makeUser('partner')).user.id;
	const school = await makeOrg('school');
	const granted = (await makeUser('partner', { organisationId: school.id })).user.id;
	const otherSchool = await makeOrg('school');
	const ungranted = (await makeUser('partner', { organisationId: otherSchool.id })).user.id;
	// A clinic that filed a notification on the child: it gets a receipt, never the record (§3).
	const clinic = await makeOrg('child_health_clinic');
	const notifier = (await makeUser('partner', { organisationId: clinic.id })).user.id;
	// A region's worth of organisations, so a consultation is walked with its search for
	// them (whether a worker's earlier files made that many or not).
	await makeInvitablePast(ALL_INVITABLE_UP_TO);
	// Signed in through the organisation's provider (DOMAIN §12): a partner of a school with
	// no grant, and a first sign-in with no membership yet. Both must reach what their
	// password twins reach, and no more.
	const providerUngranted = (
		await makeProviderUser('partner', { organisationId: (await makeOrg('school')).id })
	).id;
	const providerPending = (await makeProviderUser(null)).id;
	const [c] = await d
		.insert(child)
		.values({
			teamId: t.id,
			responsibleWorkerId: socialWorker,
			givenName: 'Kulku',
			familyName: `Testi ${uniq()}`,
			dateOfBirth: '2012-06-06',
			homeMunicipality: 'Järvelä'
		})
		.returning();
	const childId = c!.id;
	// The family (DOMAIN §11): a guardian recorded on the child, and the child (14) themself,
	// both as people who have signed in with Suomi.fi before.
	const youngCode = testIdentityCode(2012).code;
	await d.update(child).set({ personalIdentityCode: youngCode }).where(eq(child.id, childId));
	const guardianCode = testIdentityCode(1980).code;
	await makeGuardian(childId, guardianCode, socialWorker);
	const guardianPerson = (await makeFamilyPerson(guardianCode)).id;
	const youngPerson = (await makeFamilyPerson(youngCode)).id;
	await d.insert(accessGrant).values({
		childId,
		organisationId: school.id,
		basis: 'statutory_request',
		validFrom: helsinkiDate(),
		validUntil: '2099-12-31',
		grantedBy: socialWorker
	});
	const now = new Date();
	const [a] = await d
		.insert(assessment)
		.values({
			childId,
			organisationId: school.id,
			authorId: granted,
			instrumentVersion: CURRENT_INSTRUMENT.version,
			status: 'submitted',
			ratings: { S1: { rating: 2, evidence: '' } },
			familyInformed: true,
			submittedAt: now
		})
		.returning();
	await recomputeChildStatus(d, childId, 'test', now);
	const [f] = await d
		.insert(flag)
		.values({
			childId,
			trigger: 'consultation_requested',
			suggestedWorkflow: 'consultation',
			raisedAt: now,
			dueOn: helsinkiDate(now)
		})
		.onConflictDoNothing()
		.returning();
	const [q] = await d
		.insert(consultation)
		.values({
			childId,
			requestedBy: consultant,
			requesterOrganisationId: cp.id,
			question: 'Mitä tapahtuu?',
			urgency: 'normal',
			createdAt: now,
			updatedAt: now
		})
		.returning();
	const [w] = await d
		.insert(intensiveWorkflow)
		.values({
			childId,
			kind: 'intensive_family',
			leadWorkerId: socialWorker,
			createdBy: consultant,
			createdAt: now
		})
		.returning();
	const [contact] = await d
		.insert(caseContact)
		.values({
			childId,
			kind: 'notification',
			receivedOn: helsinkiDate(now),
			notifierKind: 'health_care',
			summary: 'Huoli lapsen jaksamisesta.',
			filedBy: notifier,
			filedByOrganisationId: clinic.id,
			sentToTeamId: t.id,
			contactWorkerId: consultant,
			subjectName: 'Kulku Testi'
		})
		.returning();
	const [n] = await d
		.insert(notification)
		.values({ userId: consultant, kind: 'flag_raised', link: '/flags', createdAt: now })
		.returning();
	return {
		users: {
			consultant,
			socialWorker,
			coordinator,
			admin,
			granted,
			ungranted,
			notifier,
			providerUngranted,
			providerPending
		},
		family: { guardian: guardianPerson, youngPerson },
		ids: {
			childId,
			teamId: t.id,
			organisationId: cp.id,
			assessmentId: a!.id,
			flagId: f?.id ?? crypto.randomUUID(),
			consultationId: q!.id,
			workflowId: w!.id,
			notificationId: n!.id,
			contactId: contact!.id,
			userId: spare
		}
	};
}

/** A value for each route parameter, from the world; unknown ones get a fresh UUID. */
export function paramsFor(routeId: string, world: World): Record<string, string> {
	const params: Record<string, string> = {};
	for (const [, optional, name] of routeId.matchAll(/\[(\[)?([a-z]+)\]?\]/gi)) {
		void optional;
		const key = name!;
		const byName: Record<string, string> = {
			assessmentId: world.ids.assessmentId,
			flagId: world.ids.flagId,
			consultationId: world.ids.consultationId,
			workflowId: world.ids.workflowId,
			childId: world.ids.childId,
			organisationId: world.ids.organisationId,
			teamId: world.ids.teamId,
			userId: world.ids.userId,
			contactId: world.ids.contactId,
			token: 'not-a-real-token',
			requestId: crypto.randomUUID()
		};
		const value = byName[key];
		params[key] = value ?? crypto.randomUUID();
	}
	return params;
}

export function pathFor(routeId: string, params: Record<string, string>): string {
	return routeId
		.replace(/\/\([^)]+\)/g, '')
		.replace(/\[\[?([a-z]+)\]?\]/gi, (_, k: string) => params[k] ?? '');
}

let fingerprintQuery: string | null = null;

/**
 * A fingerprint of every table a request could change, except the ones that are meant to
 * grow or change on any request: the access log and its monthly partitions (denials are
 * logged), sessions (staff and family), and the login throttle (a failed attempt is counted by design).
 *
 * Per table its row count and the newest `xmin`: every insert and every update writes a
 * row version stamped with a transaction id newer than any before it, and a delete lowers
 * the count, so any committed write changes one of the two, even one that leaves the same
 * values. One statement for all tables; hashing every row's text twice per call made the
 * route walk take two minutes (ADR 031).
 */
export async function snapshot(): Promise<string> {
	const d = await db();
	if (!fingerprintQuery) {
		const res = await d.execute(
			sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'access\_log%' and table_name not in ('session', 'family_session', 'login_throttle') order by table_name`
		);
		const tables = rowsOf<{ table_name: string }>(res).map((r) => r.table_name);
		fingerprintQuery = tables
			.map(
				(name) =>
					`select '${name}' as t, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) as h from "${name}"`
			)
			.join(' union all ');
	}
	const rows = rowsOf<{ t: string; h: string }>(await d.execute(sql.raw(fingerprintQuery)));
	return rows
		.map((r) => `${r.t}=${r.h}`)
		.sort()
		.join('\n');
}

/** An event for a route, as one visitor (null: signed out), with a body of our choosing. */
export async function routeEvent(
	userId: string | null,
	entry: Entry,
	params: Record<string, string>,
	body?: { contentType: string | null; body: BodyInit | null },
	/** A family member signed in with Suomi.fi instead of a staff member. */
	familyPersonId?: string
) {
	const path = pathFor(entry.routeId, params);
	const search = entry.kind === 'action' ? `?/${entry.name}` : '';
	const event = await eventFor(userId, {
		url: `http://localhost${path}${search}`,
		routeId: entry.routeId,
		params,
		familyPersonId
	});
	if (entry.method !== 'GET') {
		const headers: Record<string, string> = {};
		const b = body ?? { contentType: 'application/x-www-form-urlencoded', body: '' };
		if (b.contentType) headers['content-type'] = b.contentType;
		(event as { request: Request }).request = new Request(event.url, {
			method: entry.method,
			headers,
			body: b.body
		});
	}
	return event;
}

/** What the server hook's gate does with a request to `routeId` for these locals. */
export async function throughGate(routeId: string, locals: Partial<App.Locals>) {
	let resolved = false;
	const response = await gate({
		event: {
			locals: { user: null, pending: null, ...locals },
			route: { id: routeId },
			request: new Request(`http://localhost${routeId}`),
			url: new URL(`http://localhost${routeId}`)
		} as unknown as Parameters<typeof gate>[0]['event'],
		resolve: () => {
			resolved = true;
			return Promise.resolve(new Response('page'));
		}
	});
	return { resolved, response };
}

/**
 * The frame of every route walk: one world for the whole walk, a case that proves the walk
 * found the app (at least `atLeast` of `found`), and one case per entry of `walked` (all
 * found, unless a walk is split over files), named by its route and name, for `visit`.
 */
export function walkEntries(
	title: string,
	entries: { found: Entry[]; walked?: Entry[]; atLeast: number; what: string },
	visit: (entry: Entry, world: World, params: Record<string, string>) => Promise<void>
) {
	let world: World;
	beforeAll(async () => {
		world = await makeWorld();
	});
	describe(title, () => {
		it(`walks every ${entries.what}`, () =>
			expect(entries.found.length).toBeGreaterThan(entries.atLeast));

		it.each((entries.walked ?? entries.found).map((e) => [`${e.routeId} ${e.name}`, e] as const))(
			'%s',
			(_, entry) => visit(entry, world, paramsFor(entry.routeId, world))
		);
	});
}

/** The entry's answer to `event`; a throw (a 5xx) names the input that caused it. */
export async function answerOf(entry: Entry, event: unknown, input: string) {
	try {
		return await outcome(() => entry.fn(event));
	} catch (e) {
		throw new Error(`threw ${(e as Error).name} for ${input}: ${(e as Error).message}`);
	}
}
