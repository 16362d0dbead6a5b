import type { Actor } from '../access-log';
import { familyContext, requestContext, type RoleContext, type StaffContext } from '../context';
import { createFamilySession } from '../auth/family-session';
import { isFamilyRoute } from '../http/family';
import type { MembershipInfo } from '../auth/session';
import { checkChildAccess, type ChildContext } from '../access';
import { helsinkiDate } from '../../domain/access';
import { makeHetu } from '../../domain/hetu';
import { actAs, createSession, loadMemberships } from '../auth/session';
import { hashPassword } from '../auth/password';
import { contentFromForm } from '../features/assessments';
import { ALL_INVITABLE_UP_TO, requestConsultation } from '../features/consultations';
import { getDb, type Db } from '../db';
import { asc, count, eq, inArray } from 'drizzle-orm';
import {
	accessGrant,
	assessment,
	caseContact,
	teamMeeting,
	assessmentRequest,
	childStatusHistory,
	intensiveWorkflow,
	accessLog,
	child,
	flag,
	membership,
	organisation,
	placement,
	team,
	user,
	userIdentity,
	familyPerson,
	guardian,
	clientPlan,
	hypothesis,
	meetingDiscussion,
	meetingStep
} from '../db/schema';
import { PARTNER_KINDS, type OrganisationKind, type Role } from '../../domain/roles';
import type { Colour } from '../../domain/colours';
import { CURRENT_INSTRUMENT } from '../../domain/instrument';

/** The origin the specs' requests come from (the dev server's). */
export const APP = 'http://localhost:5173';

/** Test data with unique names, so files can share one real database. */
export const uniq = () => crypto.randomUUID().slice(0, 8);

export async function db(): Promise<Db> {
	return getDb();
}

let cachedHash: Promise<string> | null = null;
export const TEST_PASSWORD = 'correct horse battery staple';
function passwordHash() {
	cachedHash ??= hashPassword(TEST_PASSWORD);
	return cachedHash;
}

/** How many organisations a consultation may invite: partners and units. */
export async function invitableCount() {
	const [row] = await (
		await db()
	)
		.select({ n: count() })
		.from(organisation)
		.where(inArray(organisation.kind, [...PARTNER_KINDS, 'residential_unit']));
	return row?.n ?? 0;
}

/** Day-care centres until more than `limit` organisations may be invited. */
export async function makeInvitablePast(limit: number) {
	for (let n = await invitableCount(); n <= limit; n++) await makeOrg('early_education');
}

/**
 * A consultation the coordinator asked for on a child of their team whom a school can see
 * (a grant), with more organisations in the region than a consultation lists.
 */
export async function makeConsultationScene() {
	const { team, users } = await makeTeamScene(['coordinator', 'social_worker']);
	const [coordinator, worker] = [users.coordinator!, users.social_worker!];
	const childId = (await makeChild(team.id)).id;
	const school = await makePartner('school');
	await makeGrant(childId, school.organisationId, worker);
	await makeInvitablePast(ALL_INVITABLE_UP_TO);
	const consultationId = await requestConsultation(
		await db(),
		await contextOf(coordinator, childId),
		{
			question: 'Keitä kutsumme?',
			urgency: 'normal',
			background: ''
		}
	);
	return {
		coordinator,
		worker,
		partner: school.userId,
		school: school.organisationId,
		childId,
		consultationId
	};
}

/** An organisation of `kind`, named uniquely unless `name` is given (say, to sort first). */
export async function makeOrg(kind: OrganisationKind = 'child_protection', name?: string) {
	const d = await db();
	const [o] = await d
		.insert(organisation)
		.values({ name: name ?? `Org ${kind} ${uniq()}`, kind })
		.returning();
	return o!;
}

/** A team of `organisationId`, named uniquely unless `name` is given. */
export async function makeTeam(organisationId: string, name?: string) {
	const d = await db();
	const [t] = await d
		.insert(team)
		.values({ organisationId, name: name ?? `Team ${uniq()}` })
		.returning();
	return t!;
}

type MembershipValues = Partial<typeof membership.$inferInsert>;

/**
 * A membership of `userId` in `organisationId` (and a team, in `values`) with `role`,
 * approved now unless `values` say otherwise (`approvedAt: null`: waiting for the team).
 */
export async function makeMembership(
	userId: string,
	organisationId: string,
	role: Role,
	values: MembershipValues = {}
) {
	const d = await db();
	const [ms] = await d
		.insert(membership)
		.values({ userId, organisationId, teamId: null, role, approvedAt: new Date(), ...values })
		.returning();
	return ms!;
}

/** A user with one membership; a child-protection org and team are made when needed. */
export async function makeUser(
	role: Role,
	opts: { organisationId?: string; teamId?: string | null; active?: boolean } = {}
) {
	const d = await db();
	let organisationId = opts.organisationId;
	let teamId = opts.teamId ?? null;
	if (!organisationId) {
		const kind: OrganisationKind =
			role === 'partner'
				? 'school'
				: role === 'residential_staff'
					? 'residential_unit'
					: 'child_protection';
		organisationId = (await makeOrg(kind)).id;
		if (!['partner', 'residential_staff', 'admin', 'region_manager'].includes(role)) {
			teamId = (await makeTeam(organisationId)).id;
		}
	}
	const [u] = await d
		.insert(user)
		.values({
			email: `${role}-${uniq()}@test.example`,
			displayName: `Test ${role}`,
			passwordHash: await passwordHash(),
			active: opts.active ?? true
		})
		.returning();
	const ms = await makeMembership(u!.id, organisationId, role, { teamId });
	const requestId = `test-${uniq()}`;
	const actor: Actor = { userId: u!.id, organisationId, role, requestId };
	const info = (await loadMemberships(d, u!.id)).find((x) => x.id === ms.id)!;
	// The person acting through this membership, as `requireRole` builds it for a route.
	const ctx: RoleContext = {
		...staffContext(d, u!.id, [info], requestId),
		actor,
		membership: info
	};
	return { user: u!, membership: ms, actor, ctx };
}

/**
 * A child-protection organisation with one team and a member in each role given; the
 * most common start of a route spec. `users` is keyed by role.
 */
export async function makeTeamScene(roles: readonly Role[]) {
	const organisation = await makeOrg('child_protection');
	const t = await makeTeam(organisation.id);
	const [organisationId, teamId] = [organisation.id, t.id];
	const users: Record<string, string> = {};
	for (const role of roles)
		users[role] = (await makeUser(role, { organisationId, teamId })).user.id;
	return { organisation, team: t, organisationId, teamId, users };
}

/** A partner organisation of the kind given and one of its professionals. */
export async function makePartner(kind: OrganisationKind = 'school') {
	const org = await makeOrg(kind);
	const userId = (await makeUser('partner', { organisationId: org.id })).user.id;
	return { org, organisationId: org.id, userId };
}

/** The issuer of the provider-made accounts the specs use (no provider runs behind it). */
export const TEST_ISSUER = 'https://login.test.example';

/**
 * An account as a first sign-in through the organisation's provider makes it (DOMAIN §12):
 * no password, an identity at TEST_ISSUER, and the membership given (none: pending).
 */
export async function makeProviderUser(
	role: Role | null,
	opts: { organisationId?: string; teamId?: string | null } = {}
) {
	const d = await db();
	const [u] = await d
		.insert(user)
		.values({ email: `provider-${uniq()}@test.example`, displayName: 'Test provider' })
		.returning();
	await d.insert(userIdentity).values({
		userId: u!.id,
		issuer: TEST_ISSUER,
		subject: crypto.randomUUID(),
		lastSignInAt: new Date()
	});
	if (role) {
		const organisationId = opts.organisationId ?? (await makeOrg('school')).id;
		await d.insert(membership).values({
			userId: u!.id,
			organisationId,
			teamId: opts.teamId ?? null,
			role,
			approvedAt: new Date()
		});
	}
	return u!;
}

/**
 * A family member's request to their page of a child (`/family/[childId]`, or the page
 * `below` it), posting `form` to `action` when given.
 */
export function familyEventFor(
	personId: string,
	childId: string,
	o: { below?: string; action?: string; form?: Record<string, string> } = {}
) {
	const tail = o.below ? `/${o.below}` : '';
	return eventFor(null, {
		url: `${APP}/family/${childId}${tail}${o.action ? `?/${o.action}` : ''}`,
		routeId: `/family/[childId]${tail}`,
		params: { childId },
		familyPersonId: personId,
		form: o.form
	});
}

/** A SvelteKit-like event for calling loads and actions directly in integration tests. */
export async function eventFor(
	userId: string | null,
	opts: {
		url?: string;
		routeId?: string;
		form?: Record<string, string>;
		params?: Record<string, string>;
		/** The team chosen in the header, for a person in several teams. */
		team?: string;
		/** A family member signed in with Suomi.fi (their person id), as the hook sees them. */
		familyPersonId?: string;
	} = {}
) {
	const d = await db();
	const url = new URL(opts.url ?? 'http://localhost/');
	const requestId = `test-${uniq()}`;
	let locals: App.Locals = {
		user: null,
		session: null,
		pending: null,
		family: null,
		requestId,
		context: requestContext(d, requestId, null)
	};
	if (opts.familyPersonId) {
		const now = new Date();
		const { session } = await createFamilySession(d, opts.familyPersonId, now);
		const family = { session, person: { personId: opts.familyPersonId, name: null } };
		const routeId = opts.routeId ?? url.pathname;
		locals = {
			...locals,
			family,
			context: isFamilyRoute(routeId) ? familyContext(d, requestId, family, now) : locals.context
		};
	}
	if (userId) {
		// An account linked to a provider signs in through it, as the hook would then see.
		const [identity] = await d
			.select({ issuer: userIdentity.issuer })
			.from(userIdentity)
			.where(eq(userIdentity.userId, userId))
			.limit(1);
		const { session } = await createSession(d, userId, new Date(), {
			secondFactor: true,
			providerIssuer: identity?.issuer ?? null
		});
		const memberships = await loadMemberships(d, userId);
		const [u] = await d
			.select()
			.from(user)
			.where((await import('drizzle-orm')).eq(user.id, userId));
		// As the hook does: the person acts in the team chosen (or their first).
		const acting = actAs(
			{
				id: u!.id,
				email: u!.email,
				displayName: u!.displayName,
				preferredLocale: u!.preferredLocale,
				memberships
			},
			opts.team ?? null
		);
		locals = {
			...locals,
			user: acting,
			session,
			pending: null,
			requestId,
			context: requestContext(d, requestId, acting)
		};
	}
	const body = opts.form ? new URLSearchParams(opts.form) : undefined;
	const request = new Request(url, {
		method: body ? 'POST' : 'GET',
		body,
		headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}
	});
	const cookieJar = new Map<string, string>();
	return {
		locals,
		url,
		request,
		params: opts.params ?? {},
		route: { id: opts.routeId ?? url.pathname },
		cookies: {
			get: (n: string) => cookieJar.get(n),
			getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
			set: (n: string, v: string) => void cookieJar.set(n, v),
			delete: (n: string) => void cookieJar.delete(n),
			serialize: () => ''
		},
		getClientAddress: () => '127.0.0.1',
		setHeaders: () => {},
		fetch,
		isDataRequest: false,
		isSubRequest: false,
		platform: undefined,
		parent: () => Promise.resolve({}),
		depends: () => {},
		untrack: <T>(fn: () => T) => fn()
	};
}

const issuedCodes = new Set<string>();

/**
 * An identity code from the test range (individual number 900–999, never a real person's)
 * on a random day of `year`, so that specs sharing a database do not meet.
 */
export function testIdentityCode(year: number): { code: string; date: string } {
	const day = new Date(Date.UTC(year, 0, 1) + Math.floor(Math.random() * 365) * 86_400_000);
	const date = day.toISOString().slice(0, 10);
	const code = makeHetu(date, 900 + Math.floor(Math.random() * 100));
	// Each code once per worker: a year holds 36,500 of them, and the files of a worker share
	// one database, where a code drawn twice broke a unique key now and then.
	if (issuedCodes.has(code)) return testIdentityCode(year);
	issuedCodes.add(code);
	return { code, date };
}

/** A person who has signed in with Suomi.fi before, by identity code. */
export async function makeFamilyPerson(identityCode: string, name = 'Testi Huoltaja') {
	const d = await db();
	const [p] = await d
		.insert(familyPerson)
		.values({ identityCode, name, lastSignInAt: new Date() })
		.onConflictDoUpdate({ target: familyPerson.identityCode, set: { name } })
		.returning();
	return p!;
}

/** A current guardian of `childId` recorded by `by`; `values` override (say a restriction). */
export async function makeGuardian(
	childId: string,
	identityCode: string,
	by: string,
	values: Partial<typeof guardian.$inferInsert> = {}
) {
	const d = await db();
	const [g] = await d
		.insert(guardian)
		.values({ childId, name: 'Testi Huoltaja', identityCode, createdBy: by, ...values })
		.returning();
	return g!;
}

type ChildValues = Partial<typeof child.$inferInsert>;

const childDefaults = (teamId: string, familyName: string) => ({
	teamId,
	givenName: 'Testi',
	familyName,
	dateOfBirth: '2013-01-01',
	homeMunicipality: 'Järvelä'
});

/** A child of `teamId`, with a unique family name; `values` override the defaults. */
export async function makeChild(teamId: string, values: ChildValues = {}) {
	const d = await db();
	const [c] = await d
		.insert(child)
		.values({ ...childDefaults(teamId, `Lapsi ${uniq()}`), ...values })
		.returning();
	return c!;
}

/**
 * `n` children of `teamId` at once (a page and more, a list at national scale), on
 * makeChild's defaults; the i-th gets `each(i)` over them. Family names sort in the order
 * made. Inserted in chunks, below PostgreSQL's 65,535 parameters a statement; returned in
 * order.
 */
export async function makeChildren(
	teamId: string,
	n: number,
	each: (i: number) => ChildValues = () => ({})
) {
	const d = await db();
	const run = uniq();
	const rows = Array.from({ length: n }, (_, i) => ({
		...childDefaults(teamId, `Lapsi ${run} ${String(i).padStart(6, '0')}`),
		...each(i)
	}));
	const made: { id: string; familyName: string }[] = [];
	for (let i = 0; i < n; i += 4000)
		made.push(
			...(await d
				.insert(child)
				.values(rows.slice(i, i + 4000))
				.returning({ id: child.id, familyName: child.familyName }))
		);
	return made;
}

type FlagValues = Partial<typeof flag.$inferInsert>;

/**
 * An open flag on `childId`, as a status change raises one (a red child, a consultation
 * suggested, due the next day), written directly so a spec can set any moment and outcome.
 */
export async function makeFlag(childId: string, values: FlagValues = {}) {
	const d = await db();
	const raisedAt = values.raisedAt ?? new Date();
	const [f] = await d
		.insert(flag)
		.values({
			childId,
			trigger: 'turned_red',
			suggestedWorkflow: 'consultation',
			raisedAt,
			dueOn: helsinkiDate(new Date(raisedAt.getTime() + 86_400_000)),
			...values
		})
		.returning();
	return f!;
}

type WorkflowValues = Partial<typeof intensiveWorkflow.$inferInsert>;

/**
 * An intensive workflow for `childId` led and made by `by` (planned, intensive family work
 * unless `values` say otherwise), written directly so a spec can set any state and moment.
 */
export async function makeWorkflow(childId: string, by: string, values: WorkflowValues = {}) {
	const [w] = await (
		await db()
	)
		.insert(intensiveWorkflow)
		.values({
			childId,
			kind: 'intensive_family',
			leadWorkerId: by,
			createdBy: by,
			createdAt: new Date(),
			...values
		})
		.returning();
	return w!;
}

type RequestValues = Partial<typeof assessmentRequest.$inferInsert>;

/** An open request from `requestedBy` for `organisationId` to assess `childId`, due in a week. */
export async function makeAssessmentRequest(
	childId: string,
	organisationId: string,
	requestedBy: string,
	values: RequestValues = {}
) {
	const [r] = await (
		await db()
	)
		.insert(assessmentRequest)
		.values({
			childId,
			organisationId,
			message: 'Arvio, kiitos',
			dueDate: helsinkiDate(new Date(Date.now() + 7 * 86_400_000)),
			requestedBy,
			...values
		})
		.returning();
	return r!;
}

/** A change of `childId`'s colour in its status history, at `at` (a recompute writes these). */
export async function makeStatusChange(
	childId: string,
	change: {
		from: Colour | null;
		to: Colour;
		at: Date;
		trigger?: string;
	}
) {
	await (await db()).insert(childStatusHistory).values({
		childId,
		fromColour: change.from,
		toColour: change.to,
		reasons: [],
		trigger: change.trigger ?? 'assessment',
		at: change.at
	});
}

type MeetingValues = Partial<typeof teamMeeting.$inferInsert>;

/** A weekly meeting of `teamId` prepared by `preparedBy`, planned for tomorrow unless told. */
export async function makeMeeting(teamId: string, preparedBy: string, values: MeetingValues = {}) {
	const [m] = await (
		await db()
	)
		.insert(teamMeeting)
		.values({ teamId, startsAt: new Date(Date.now() + 86_400_000), preparedBy, ...values })
		.returning();
	return m!;
}

type HeldMeeting = {
	startsAt: Date;
	/** The children discussed; the hypotheses and steps are the first one's unless they say. */
	children: string[];
	hypotheses?: (Partial<typeof hypothesis.$inferInsert> & { statement: string })[];
	steps?: (Partial<typeof meetingStep.$inferInsert> & { dueOn: string })[];
	/** Who prepared and closed it; `by` (who recorded the discussions) unless told. */
	preparedBy?: string;
	closedBy?: string;
};

/**
 * A meeting of `teamId` held at `startsAt` and closed, with what was recorded while it was
 * open (a closed meeting refuses changes): a discussion of each child, hypotheses, steps.
 */
export async function makeHeldMeeting(teamId: string, by: string, held: HeldMeeting) {
	const d = await db();
	const m = await makeMeeting(teamId, held.preparedBy ?? by, {
		startsAt: held.startsAt,
		state: 'open'
	});
	const first = held.children[0]!;
	for (const childId of held.children)
		await d.insert(meetingDiscussion).values({ meetingId: m.id, childId, recordedBy: by });
	for (const h of held.hypotheses ?? [])
		await d.insert(hypothesis).values({ childId: first, meetingId: m.id, createdBy: by, ...h });
	for (const s of held.steps ?? [])
		await d.insert(meetingStep).values({
			childId: first,
			meetingId: m.id,
			what: 'askel',
			ownerId: by,
			createdBy: by,
			...s
		});
	await d
		.update(teamMeeting)
		.set({ state: 'closed', closedAt: held.startsAt, closedBy: held.closedBy ?? by })
		.where(eq(teamMeeting.id, m.id));
	return m;
}

type ClientPlanValues = Partial<typeof clientPlan.$inferInsert>;

/** Client plan number 1 of `childId`, made today by `madeBy`, unless told otherwise. */
export async function makeClientPlan(
	childId: string,
	madeBy: string,
	values: ClientPlanValues = {}
) {
	const [plan] = await (
		await db()
	)
		.insert(clientPlan)
		.values({
			childId,
			number: 1,
			language: 'fi',
			madeOn: helsinkiDate(new Date()),
			situation: 's',
			goals: 'g',
			services: 'p',
			childView: '',
			parentsView: '',
			participation: 'o',
			nextReviewOn: '2099-01-01',
			madeBy,
			...values
		})
		.returning();
	return plan!;
}

type ContactValues = Partial<typeof caseContact.$inferInsert>;

/** A child-protection notification about `childId` received today, filed by `filedBy`. */
export async function makeContact(
	childId: string,
	filedBy: string,
	filedByOrganisationId: string,
	values: ContactValues = {}
) {
	const [k] = await (
		await db()
	)
		.insert(caseContact)
		.values({
			childId,
			kind: 'notification',
			receivedOn: helsinkiDate(),
			notifierKind: 'school',
			summary: 'Huoli.',
			filedBy,
			filedByOrganisationId,
			...values
		})
		.returning();
	return k!;
}

type AssessmentValues = Partial<typeof assessment.$inferInsert>;

/**
 * An assessment of `childId` by `authorId` for `organisationId`, on the current instrument
 * with no ratings, submitted now unless `values` say otherwise. Written directly: the
 * stored status is not recomputed (`saveAssessment` does that).
 */
export async function makeAssessment(
	childId: string,
	organisationId: string,
	authorId: string,
	values: AssessmentValues = {}
) {
	const [a] = await (
		await db()
	)
		.insert(assessment)
		.values({
			childId,
			organisationId,
			authorId,
			instrumentVersion: CURRENT_INSTRUMENT.version,
			status: 'submitted',
			ratings: {},
			submittedAt: new Date(),
			...values
		})
		.returning();
	return a!;
}

type GrantValues = Partial<typeof accessGrant.$inferInsert>;

/** The end of a test's 41 § grant: far enough that no test's clock passes it. */
const FAR_END = '2099-12-31';

/**
 * A valid grant from today for `organisationId` to see `childId`, on a statutory request
 * unless `values` say otherwise.
 */
export async function makeGrant(
	childId: string,
	organisationId: string,
	grantedBy: string,
	values: GrantValues = {}
) {
	const d = await db();
	const [g] = await d
		.insert(accessGrant)
		.values({
			childId,
			organisationId,
			basis: 'statutory_request',
			validFrom: helsinkiDate(),
			// §3: a 41 § request always ends (a check constraint says so).
			validUntil: values.basis && values.basis !== 'statutory_request' ? null : FAR_END,
			grantedBy,
			...values
		})
		.returning();
	return g!;
}

/**
 * `childId` placed in the residential unit `unitOrganisationId` since `since`, with the
 * placement's grant, as the placement form makes them.
 */
export async function makePlacement(
	childId: string,
	unitOrganisationId: string,
	createdBy: string,
	since = helsinkiDate()
) {
	const d = await db();
	const [p] = await d
		.insert(placement)
		.values({ childId, unitOrganisationId, since, createdBy })
		.returning();
	await makeGrant(childId, unitOrganisationId, createdBy, {
		basis: 'placement',
		placementId: p!.id,
		validFrom: since
	});
	return p!;
}

/** The person as the services see them, with their approved memberships. */
export async function staffOf(userId: string): Promise<StaffContext> {
	const d = await db();
	const memberships = await loadMemberships(d, userId);
	return staffContext(d, userId, memberships);
}

/** A staff context for hand-picked memberships (a spec of what one membership may do). */
export function staffContext(
	d: Db,
	userId: string,
	memberships: MembershipInfo[],
	requestId: string | null = `test-${uniq()}`
): StaffContext {
	return { kind: 'staff', db: d, requestId, now: new Date(), userId, memberships };
}

/** The checked child context the features take, for a person allowed to see the child. */
export async function contextOf(userId: string, childId: string): Promise<ChildContext> {
	const ctx = await accessOf(userId, childId);
	if (!ctx) throw new Error('contextOf: this person may not see the child');
	return ctx;
}

/** `userId`'s checked access to `childId` now, or null where they have no lawful basis. */
export async function accessOf(userId: string, childId: string): Promise<ChildContext | null> {
	return checkChildAccess(await db(), await staffOf(userId), childId, { action: 'test' });
}

/** A new assessment submitted at once, from form fields (`r_S1: '3'`, …); the family told. */
export const submission = (form: Record<string, string>) => ({
	assessmentId: null,
	version: 0,
	requestId: null,
	supersedesId: null,
	content: contentFromForm({ familyInformed: 'yes', ...form }),
	submit: true
});

/** A logged item: which entity of which child an access-log row covers. */
export type LoggedItem = {
	childId: string | null;
	entityId: string | null;
	entityType: string;
	action: string;
	basis: string | null;
	actorUserId: string | null;
	outcome: string;
};

/**
 * The access log under one request id, one item per entity it names: a list view is one
 * row with the children shown (ADR 026), a row of one child's entities lists them.
 */
export async function loggedItems(requestId: string): Promise<LoggedItem[]> {
	const rows = await (
		await db()
	)
		.select()
		.from(accessLog)
		.where(eq(accessLog.requestId, requestId))
		.orderBy(asc(accessLog.id));
	return rows.flatMap((r) => {
		const base = {
			entityType: r.entityType,
			action: r.action,
			basis: r.basis,
			actorUserId: r.actorUserId,
			outcome: r.outcome
		};
		if (r.childIds)
			return r.childIds.map((childId, i) => ({
				...base,
				childId,
				entityId: r.entityIds ? (r.entityIds[i] ?? null) : childId
			}));
		if (r.entityIds)
			return r.entityIds.map((entityId) => ({ ...base, childId: r.childId, entityId }));
		return [{ ...base, childId: r.childId, entityId: r.entityId }];
	});
}
