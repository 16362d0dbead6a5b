import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { grantValid, helsinkiDate } from '../../../domain/access';
import { PARTNER_KINDS } from '../../../domain/roles';
import { addDays } from '../../../domain/working-days';
import { m } from '../../../paraglide/messages';
import { inTransaction, withCustomPlans, type Db, type DbOrTx } from '../../db';
import { anyId } from '../../db/any-id';
import { together } from '../../db/together';
import { escapeLike } from '../../db/like';
import {
	accessGrant,
	assessmentRequest,
	child,
	consultation,
	organisation,
	placement,
	user,
	childName
} from '../../db/schema';
import { FieldError, NotFoundError } from '../../errors';
import { ForbiddenError } from '../../errors';
import { actorOf, logChild, logListed, type StaffContext, readLogged } from '../../access-log';
import { type ChildContext } from '../../access';
import { openPlanSteps } from '../intensive';
import { notify, organisationStaff } from '../notifications';

/** How long after its due date an assessment request's own 41 § grant still lets the partner answer. */
export const REQUEST_GRACE_DAYS = 30;

function assertTeam(ctx: ChildContext) {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
}

/** Organisations a grant or request can go to: partners (and units, for placement). */
export async function partnerOrganisations(db: DbOrTx) {
	const rows = await db
		.select({ id: organisation.id, name: organisation.name, kind: organisation.kind })
		.from(organisation)
		.orderBy(asc(organisation.name));
	return rows.filter((o) => PARTNER_KINDS.includes(o.kind) || o.kind === 'residential_unit');
}

async function orgOf(db: DbOrTx, id: string) {
	const [o] = await db.select().from(organisation).where(eq(organisation.id, id));
	return o ?? null;
}

export type GrantInput = {
	organisationId: string;
	basis: 'consent' | 'statutory_request';
	consentGivenBy: string;
	consentGivenOn: string;
	validFrom: string;
	validUntil: string;
	/** A 41 § request: what the team asks, and the day the answer is due. */
	requestMessage?: string;
	dueOn?: string;
};

/**
 * A grant made by the team: a guardian's or the child's consent, or a 41 § information
 * request (§3), which always has an end date, a due date within it and what is asked, and
 * is told to the partner's staff (no name in the notice).
 */
export async function createGrant(
	db: DbOrTx,
	ctx: ChildContext,
	input: GrantInput,
	now = new Date()
) {
	assertTeam(ctx);
	const isRequest = input.basis === 'statutory_request';
	const org = await orgOf(db, input.organisationId);
	if (!org || !PARTNER_KINDS.includes(org.kind))
		throw new FieldError({ organisationId: m.error_choose_partner() });
	const fields: Record<string, string> = {};
	if (input.basis === 'consent' && !input.consentGivenBy)
		fields.consentGivenBy = m.error_required();
	if (input.basis === 'consent' && !input.consentGivenOn)
		fields.consentGivenOn = m.error_required();
	if (input.validUntil && input.validUntil < input.validFrom)
		fields.validUntil = m.error_until_before_from();
	if (isRequest) {
		if (!input.validUntil) fields.validUntil = m.error_required();
		if (!input.requestMessage?.trim()) fields.requestMessage = m.error_required();
		if (!input.dueOn) fields.dueOn = m.error_required();
		else if (input.dueOn < helsinkiDate(now)) fields.dueOn = m.error_due_in_past();
		else if (input.dueOn < input.validFrom || (input.validUntil && input.dueOn > input.validUntil))
			fields.dueOn = m.error_due_outside_grant();
	}
	if (Object.keys(fields).length) throw new FieldError(fields);
	return inTransaction(db, async (tx) => {
		const [row] = await tx
			.insert(accessGrant)
			.values({
				childId: ctx.childId,
				organisationId: org.id,
				basis: input.basis,
				consentGivenBy: input.basis === 'consent' ? input.consentGivenBy : null,
				consentGivenOn: input.basis === 'consent' ? input.consentGivenOn : null,
				validFrom: input.validFrom,
				validUntil: input.validUntil || null,
				requestMessage: isRequest ? input.requestMessage!.trim() : null,
				dueOn: isRequest ? input.dueOn! : null,
				grantedBy: ctx.userId
			})
			.returning({ id: accessGrant.id });
		await logChild(tx, ctx, 'create', 'access_grant', row!.id);
		if (isRequest)
			await notify(
				tx,
				await organisationStaff(tx, org.id),
				'information_request',
				'/',
				now,
				ctx.childId
			);
		return row!;
	});
}

/** Revoking takes effect from the next request: access is checked every time. */
export async function revokeGrant(db: Db, ctx: ChildContext, grantId: string, now = new Date()) {
	assertTeam(ctx);
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(accessGrant)
			.set({ revokedAt: now, revokedBy: ctx.userId })
			.where(
				and(
					eq(accessGrant.id, grantId),
					eq(accessGrant.childId, ctx.childId),
					isNull(accessGrant.revokedAt)
				)
			)
			.returning({ id: accessGrant.id });
		if (!row) throw new NotFoundError();
		await logChild(tx, ctx, 'revoke', 'access_grant', grantId);
	});
}

/** A placement also grants the unit access on the `placement` basis for the same period. */
export async function createPlacement(
	db: DbOrTx,
	ctx: ChildContext,
	input: { unitOrganisationId: string; since: string; until: string }
) {
	assertTeam(ctx);
	const org = await orgOf(db, input.unitOrganisationId);
	if (!org || org.kind !== 'residential_unit')
		throw new FieldError({ unitOrganisationId: m.error_choose_unit() });
	if (input.until && input.until < input.since)
		throw new FieldError({ until: m.error_until_before_from() });
	return inTransaction(db, async (tx) => {
		const [p] = await tx
			.insert(placement)
			.values({
				childId: ctx.childId,
				unitOrganisationId: org.id,
				since: input.since,
				until: input.until || null,
				createdBy: ctx.userId
			})
			.returning({ id: placement.id });
		await tx.insert(accessGrant).values({
			childId: ctx.childId,
			organisationId: org.id,
			basis: 'placement',
			validFrom: input.since,
			validUntil: input.until || null,
			placementId: p!.id,
			grantedBy: ctx.userId
		});
		await logChild(tx, ctx, 'create', 'placement', p!.id);
		return p!;
	});
}

export async function endPlacement(db: Db, ctx: ChildContext, placementId: string, until: string) {
	assertTeam(ctx);
	await db.transaction(async (tx) => {
		const [p] = await tx
			.select()
			.from(placement)
			.where(and(eq(placement.id, placementId), eq(placement.childId, ctx.childId)));
		if (!p) throw new NotFoundError();
		if (until < p.since) throw new FieldError({ until: m.error_until_before_from() });
		await tx.update(placement).set({ until }).where(eq(placement.id, placementId));
		await tx
			.update(accessGrant)
			.set({ validUntil: until })
			.where(eq(accessGrant.placementId, placementId));
		await logChild(tx, ctx, 'update', 'placement', placementId);
	});
}

/**
 * The team asks a partner to assess. If the partner has no valid grant, one is created on
 * the `statutory_request` basis (the Child Welfare Act's information request).
 */
export async function createAssessmentRequest(
	db: DbOrTx,
	ctx: ChildContext,
	input: { organisationId: string; message: string; dueDate: string },
	now = new Date()
) {
	assertTeam(ctx);
	const org = await orgOf(db, input.organisationId);
	if (!org || !(PARTNER_KINDS.includes(org.kind) || org.kind === 'residential_unit')) {
		throw new FieldError({ organisationId: m.error_choose_partner() });
	}
	const today = helsinkiDate(now);
	if (input.dueDate < today) throw new FieldError({ dueDate: m.error_due_in_past() });
	return inTransaction(db, async (tx) => {
		const grants = await tx
			.select()
			.from(accessGrant)
			.where(and(eq(accessGrant.childId, ctx.childId), eq(accessGrant.organisationId, org.id)));
		if (
			!grants.some(
				(g) => grantValid(g, today) && (org.kind !== 'residential_unit' || g.basis === 'placement')
			)
		) {
			if (org.kind === 'residential_unit')
				throw new FieldError({ organisationId: m.error_unit_needs_placement() });
			const [g] = await tx
				.insert(accessGrant)
				.values({
					childId: ctx.childId,
					organisationId: org.id,
					basis: 'statutory_request',
					validFrom: today,
					// §3: a 41 § request always ends; a late answer has a month's grace.
					validUntil: addDays(input.dueDate, REQUEST_GRACE_DAYS),
					grantedBy: ctx.userId
				})
				.returning({ id: accessGrant.id });
			await logChild(tx, ctx, 'create', 'access_grant', g!.id);
		}
		const [r] = await tx
			.insert(assessmentRequest)
			.values({
				childId: ctx.childId,
				organisationId: org.id,
				message: input.message,
				dueDate: input.dueDate,
				requestedBy: ctx.userId
			})
			.returning({ id: assessmentRequest.id });
		await logChild(tx, ctx, 'create', 'assessment_request', r!.id);
		await notify(
			tx,
			await organisationStaff(tx, org.id),
			'request_new',
			`/children/${ctx.childId}`,
			now,
			ctx.childId
		);
		return r!;
	});
}

/**
 * Who may see the child and on what basis: its grants, for the team's access page (a
 * partner never sees another organisation's). The list is logged as read, in one row.
 */
export async function grantsOfChild(db: DbOrTx, ctx: ChildContext) {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
	return readLogged(db, ctx, 'list', 'access_grant', (tx) =>
		tx
			.select({
				id: accessGrant.id,
				organisationName: organisation.name,
				organisationId: accessGrant.organisationId,
				basis: accessGrant.basis,
				consentGivenBy: accessGrant.consentGivenBy,
				consentGivenOn: accessGrant.consentGivenOn,
				validFrom: accessGrant.validFrom,
				validUntil: accessGrant.validUntil,
				revokedAt: accessGrant.revokedAt,
				placementId: accessGrant.placementId
			})
			.from(accessGrant)
			.innerJoin(organisation, eq(organisation.id, accessGrant.organisationId))
			.where(eq(accessGrant.childId, ctx.childId))
			.orderBy(asc(organisation.name))
	);
}

/** Requests for the child as the viewer may see them: the team all, a partner its own. */
export async function requestsForChild(db: DbOrTx, ctx: ChildContext) {
	const own =
		ctx.access.kind === 'team'
			? undefined
			: eq(assessmentRequest.organisationId, ctx.access.membership.organisationId);
	return db
		.select({
			id: assessmentRequest.id,
			organisationName: organisation.name,
			message: assessmentRequest.message,
			dueDate: assessmentRequest.dueDate,
			status: assessmentRequest.status,
			createdAt: assessmentRequest.createdAt
		})
		.from(assessmentRequest)
		.innerJoin(organisation, eq(organisation.id, assessmentRequest.organisationId))
		.where(and(eq(assessmentRequest.childId, ctx.childId), own))
		.orderBy(asc(assessmentRequest.dueDate));
}

/** Children per page on a partner's or unit's home. */
export const INBOX_PAGE_SIZE = 50;

export type InboxQuery = { page: number; name?: string | null };

/**
 * A partner's or unit's home: open requests, its own consultation requests and the children
 * it may see, one page at a time (an organisation may see thousands), optionally only those
 * whose name starts with `name`. Visibility is decided in SQL with the same rule as
 * `childAccess`: a valid grant, and for a residential unit only the placement basis. Only
 * what is shown is logged, in one insert per kind.
 */
export function partnerInbox(
	db: Db,
	viewer: StaffContext,
	query: InboxQuery = { page: 1 },
	now = new Date()
) {
	// Its lists' reads go down together, each planned for this organisation (ADR 049): a
	// school that sees 2,000 children and one that sees seven need different plans.
	return withCustomPlans(() => readPartnerInbox(db, viewer, query, now));
}

async function readPartnerInbox(db: Db, viewer: StaffContext, query: InboxQuery, now: Date) {
	const today = helsinkiDate(now);
	const ms = viewer.memberships.filter(
		(x) => x.role === 'partner' || x.role === 'residential_staff'
	);
	if (!ms.length) throw new ForbiddenError();
	const orgIds = ms.map((x) => x.organisationId);
	const partnerOrgs = ms.filter((x) => x.role === 'partner').map((x) => x.organisationId);
	const unitOrgs = ms.filter((x) => x.role === 'residential_staff').map((x) => x.organisationId);
	const reaches = or(
		partnerOrgs.length ? inArray(accessGrant.organisationId, partnerOrgs) : undefined,
		unitOrgs.length
			? and(inArray(accessGrant.organisationId, unitOrgs), eq(accessGrant.basis, 'placement'))
			: undefined
	);
	const validGrant = and(
		reaches,
		isNull(accessGrant.revokedAt),
		lte(accessGrant.validFrom, today),
		or(isNull(accessGrant.validUntil), gte(accessGrant.validUntil, today))
	);
	/** A child this viewer may see, as a condition on a row's child id. */
	const visible = (childId: AnyPgColumn) =>
		sql`exists (select 1 from ${accessGrant} where ${accessGrant.childId} = ${childId} and ${validGrant})`;
	const name = query.name?.trim().toLocaleLowerCase('fi') ?? '';
	const byName = name
		? or(
				sql`lower(${child.familyName}) like ${escapeLike(name) + '%'}`,
				sql`lower(${child.givenName}) like ${escapeLike(name) + '%'}`
			)
		: undefined;
	const page = Math.max(1, Math.floor(query.page));
	return db.transaction(async (tx) => {
		const rowsRead = tx
			.select({
				childId: child.id,
				...childName,
				dateOfBirth: child.dateOfBirth,
				total: sql<number>`count(*) over ()`.mapWith(Number)
			})
			.from(child)
			.where(and(visible(child.id), byName))
			.orderBy(asc(child.familyName), asc(child.givenName), asc(child.id))
			.limit(INBOX_PAGE_SIZE)
			.offset((page - 1) * INBOX_PAGE_SIZE);
		const requestsRead = tx
			.select({
				id: assessmentRequest.id,
				childId: child.id,
				...childName,
				message: assessmentRequest.message,
				dueDate: assessmentRequest.dueDate,
				requestedByName: user.displayName,
				organisationId: assessmentRequest.organisationId,
				total: sql<number>`count(*) over ()`.mapWith(Number)
			})
			.from(assessmentRequest)
			.innerJoin(child, eq(child.id, assessmentRequest.childId))
			.innerJoin(user, eq(user.id, assessmentRequest.requestedBy))
			.where(
				and(
					inArray(assessmentRequest.organisationId, orgIds),
					eq(assessmentRequest.status, 'open'),
					visible(assessmentRequest.childId)
				)
			)
			.orderBy(asc(assessmentRequest.dueDate), asc(assessmentRequest.id))
			.limit(INBOX_PAGE_SIZE);
		// 41 § information requests to the viewer's organisations, still open and unanswered (§3).
		const infoRequestsRead = partnerOrgs.length
			? tx
					.select({
						id: accessGrant.id,
						childId: child.id,
						...childName,
						message: accessGrant.requestMessage,
						dueOn: accessGrant.dueOn,
						organisationId: accessGrant.organisationId
					})
					.from(accessGrant)
					.innerJoin(child, eq(child.id, accessGrant.childId))
					.where(
						and(
							inArray(accessGrant.organisationId, partnerOrgs),
							eq(accessGrant.basis, 'statutory_request'),
							isNotNull(accessGrant.dueOn),
							isNull(accessGrant.revokedAt),
							lte(accessGrant.validFrom, today),
							gte(accessGrant.validUntil, today),
							// Open until the organisation has answered (answers.ts).
							sql`not exists (select 1 from information_answer a where a.grant_id = ${accessGrant.id})`
						)
					)
					.orderBy(asc(accessGrant.dueOn), asc(accessGrant.id))
					.limit(INBOX_PAGE_SIZE)
			: [];
		// A unit's (or partner's) own consultation requests, with their state and outcome
		// (docs/domain.md §6), for the children it may still see.
		const consultationsRead = tx
			.select({
				id: consultation.id,
				childId: consultation.childId,
				...childName,
				question: consultation.question,
				urgency: consultation.urgency,
				state: consultation.state,
				scheduledAt: consultation.scheduledAt,
				recorded: sql<boolean>`jsonb_array_length(${consultation.hypotheses}) > 0`,
				createdAt: consultation.createdAt,
				organisationId: consultation.requesterOrganisationId
			})
			.from(consultation)
			.innerJoin(child, eq(child.id, consultation.childId))
			.where(
				and(inArray(consultation.requesterOrganisationId, orgIds), visible(consultation.childId))
			)
			.orderBy(desc(consultation.createdAt))
			.limit(INBOX_PAGE_SIZE);
		// The five lists are independent: read together (pipelined on PostgreSQL).
		const { rows, requests, infoRequests, consultations, steps } = await together({
			rows: rowsRead,
			requests: requestsRead,
			infoRequests: infoRequestsRead,
			consultations: consultationsRead,
			// Steps of intensive work the viewer's organisations own, still open.
			steps: openPlanSteps(tx, { ownerOrganisationIds: orgIds, visible }, INBOX_PAGE_SIZE)
		});
		const total = rows[0]?.total ?? 0;
		const shownIds = [
			...new Set(
				[...rows, ...requests, ...infoRequests, ...consultations, ...steps].map((r) => r.childId)
			)
		];
		// The grant each shown child is seen through (its basis goes into the log).
		const grants = shownIds.length
			? await tx
					.select({
						childId: accessGrant.childId,
						organisationId: accessGrant.organisationId,
						basis: accessGrant.basis
					})
					.from(accessGrant)
					.where(and(anyId(accessGrant.childId, shownIds), validGrant))
					.orderBy(asc(accessGrant.grantedAt))
			: [];
		const through = new Map(grants.map((g) => [g.childId, g]));
		const entry = (entityType: string, entityId: string, childId: string) => {
			const g = through.get(childId);
			return {
				actor: actorOf(
					viewer,
					ms.find((x) => x.organisationId === g?.organisationId)
				),
				entityType,
				entityId,
				childId,
				basis: g?.basis ?? null
			};
		};
		await logListed(tx, [
			...rows.map((c) => entry('child', c.childId, c.childId)),
			...requests.map((r) => entry('assessment_request', r.id, r.childId)),
			...infoRequests.map((r) => entry('access_grant', r.id, r.childId)),
			...consultations.map((c) => entry('consultation', c.id, c.childId)),
			...steps.map((x) => entry('plan_step', x.id, x.childId))
		]);
		return {
			// The soonest due first; the heading counts them all.
			requests: requests.map(({ organisationId: _org, total: _total, ...r }) => ({
				...r,
				overdue: r.dueDate < today
			})),
			requestTotal: requests[0]?.total ?? 0,
			infoRequests: infoRequests.map(({ organisationId: _org, dueOn, message, ...r }) => ({
				...r,
				message: message ?? '',
				dueOn: dueOn!,
				overdue: dueOn! < today
			})),
			consultations: consultations.map(({ organisationId: _org, ...c }) => c),
			steps: steps.map((x) => ({ ...x, overdue: x.dueOn < today })),
			children: rows.map((c) => ({
				id: c.childId,
				givenName: c.givenName,
				familyName: c.familyName,
				dateOfBirth: c.dateOfBirth
			})),
			page,
			pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
			total,
			name: name || null
		};
	});
}
