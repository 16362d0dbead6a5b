import { and, asc, eq, ilike, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { maskHetu, parseHetu } from '../../../domain/hetu';
import { isTeamRole } from '../../../domain/roles';
import { m } from '../../../paraglide/messages';
import { logListed, recordAccess } from '../../access-log';
import { inTransaction, type Db, type DbOrTx } from '../../db';
import { together } from '../../db/together';
import { escapeLike } from '../../db/like';
import { updateVersioned } from '../../db/lock';
import {
	child,
	membership,
	organisation,
	phaseChange,
	placement,
	team,
	user,
	childName
} from '../../db/schema';
import { helsinkiDate } from '../../../domain/access';
import { FieldError, NotFoundError } from '../../errors';
import { lockChild, recomputeChildStatus } from '../status';
import { assertCanBeResponsible, claimIfCounted } from '../path';
import { actorOf, logChild, type StaffContext } from '../../access-log';
import { type ChildContext } from '../../access';
import { ForbiddenError } from '../../errors';

export type ChildInput = {
	givenName: string;
	familyName: string;
	dateOfBirth: string;
	personalIdentityCode: string;
	homeMunicipality: string;
	responsibleWorkerId: string;
	secondWorkerId?: string;
	/** The consultant's reason for a 31st child in the worker's caseload (13 b §). */
	caseloadReason?: string;
};

/** The viewer's team memberships; team roles only. */
export function teamMemberships(viewer: StaffContext) {
	return viewer.memberships.filter((ms) => isTeamRole(ms.role) && ms.teamId);
}

const listColumns = {
	id: child.id,
	...childName,
	dateOfBirth: child.dateOfBirth,
	/** Notified before birth (25 c §): `dateOfBirth` is the expected date. */
	birthExpected: child.birthExpected,
	teamId: child.teamId,
	responsibleWorkerName: user.displayName
};

/** Every child shown is a read of child data: logged in the same transaction (ADR 026). */
async function logList(
	tx: DbOrTx,
	viewer: StaffContext,
	rows: { id: string; teamId: string }[],
	action: string
) {
	const ms = teamMemberships(viewer);
	await logListed(
		tx,
		rows.map((r) => ({
			actor: actorOf(viewer, ms.find((x) => x.teamId === r.teamId) ?? ms[0] ?? null),
			basis: 'team',
			entityType: 'child',
			entityId: r.id,
			childId: r.id
		})),
		action
	);
}

/** Children per page of the team's list. */
export const CHILD_LIST_PAGE_SIZE = 50;

/**
 * The viewer's teams' children by name, one page at a time (a team may have thousands);
 * only the page shown is logged.
 */
export async function listTeamChildren(db: Db, viewer: StaffContext, page = 1) {
	const teamIds = teamMemberships(viewer).map((ms) => ms.teamId!);
	if (!teamIds.length) throw new ForbiddenError();
	const at = Math.max(1, Math.floor(page));
	return db.transaction(async (tx) => {
		const found = await tx
			.select({ ...listColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
			.from(child)
			.leftJoin(user, eq(user.id, child.responsibleWorkerId))
			.where(inArray(child.teamId, teamIds))
			.orderBy(asc(child.familyName), asc(child.givenName), asc(child.id))
			.limit(CHILD_LIST_PAGE_SIZE)
			.offset((at - 1) * CHILD_LIST_PAGE_SIZE);
		const rows = found.map(({ total: _total, ...r }) => r);
		await logList(tx, viewer, rows, 'list');
		const total = found[0]?.total ?? 0;
		return {
			rows,
			page: at,
			pages: Math.max(1, Math.ceil(total / CHILD_LIST_PAGE_SIZE)),
			total
		};
	});
}

/** Search by name or identity code, within the viewer's own teams only. */
export async function searchChildren(db: Db, viewer: StaffContext, query: string) {
	const teamIds = teamMemberships(viewer).map((ms) => ms.teamId!);
	if (!teamIds.length) throw new ForbiddenError();
	const q = query.trim();
	const hetu = parseHetu(q);
	const words = q.split(/\s+/).filter(Boolean).slice(0, 4);
	const nameMatch = and(
		...words.map((w) => {
			const like = `%${escapeLike(w)}%`;
			return or(ilike(child.givenName, like), ilike(child.familyName, like));
		})
	);
	const match = hetu.valid ? eq(child.personalIdentityCode, hetu.normalized) : nameMatch;
	return db.transaction(async (tx) => {
		const rows = await tx
			.select(listColumns)
			.from(child)
			.leftJoin(user, eq(user.id, child.responsibleWorkerId))
			.where(and(inArray(child.teamId, teamIds), match))
			.orderBy(asc(child.familyName), asc(child.givenName))
			.limit(50);
		await logList(tx, viewer, rows, 'search');
		return rows;
	});
}

/** Team members the child can be assigned to (responsible worker). */
export async function teamWorkers(db: DbOrTx, teamId: string) {
	return db
		.select({ id: user.id, displayName: user.displayName })
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(
			and(eq(membership.teamId, teamId), isNotNull(membership.approvedAt), eq(user.active, true))
		)
		.orderBy(asc(user.displayName));
}

/** The active people of the child's own team (lead workers, participants, owners). */
export async function childTeamWorkers(db: DbOrTx, childId: string) {
	const [c] = await db.select({ teamId: child.teamId }).from(child).where(eq(child.id, childId));
	return c ? teamWorkers(db, c.teamId) : [];
}

async function validateChild(
	db: DbOrTx,
	teamId: string,
	input: ChildInput,
	childId: string | null
) {
	const fields: Record<string, string> = {};
	let code: string | null = null;
	if (input.personalIdentityCode) {
		const h = parseHetu(input.personalIdentityCode);
		if (!h.valid) fields.personalIdentityCode = m.error_hetu_invalid();
		else if (h.birthDate !== input.dateOfBirth)
			fields.personalIdentityCode = m.error_hetu_birthdate();
		else {
			code = h.normalized;
			const [dup] = await db
				.select({ id: child.id })
				.from(child)
				.where(eq(child.personalIdentityCode, code));
			if (dup && dup.id !== childId) fields.personalIdentityCode = m.error_hetu_taken();
		}
	}
	if (input.secondWorkerId) {
		const workers = await teamWorkers(db, teamId);
		if (!workers.some((w) => w.id === input.secondWorkerId))
			fields.secondWorkerId = m.error_choose_option();
		else if (input.secondWorkerId === input.responsibleWorkerId)
			fields.secondWorkerId = m.error_second_worker_same();
	}
	if (Object.keys(fields).length) throw new FieldError(fields);
	if (input.responsibleWorkerId)
		await assertCanBeResponsible(db, teamId, input.responsibleWorkerId, 'responsibleWorkerId');
	return {
		givenName: input.givenName,
		familyName: input.familyName,
		dateOfBirth: input.dateOfBirth,
		personalIdentityCode: code,
		homeMunicipality: input.homeMunicipality,
		responsibleWorkerId: input.responsibleWorkerId || null,
		secondWorkerId: input.secondWorkerId || null
	};
}

/**
 * A child the team already works with, registered in the app as a client (a new child
 * comes in through a contact instead: features/path). The responsible worker's caseload
 * is checked as for any assignment.
 */
export async function createChild(
	db: Db,
	viewer: StaffContext,
	teamId: string,
	input: ChildInput,
	now = new Date()
) {
	const ms = teamMemberships(viewer).find((x) => x.teamId === teamId);
	if (!ms) throw new ForbiddenError();
	const values = await validateChild(db, teamId, input, null);
	const actor = actorOf(viewer, ms);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(child)
			.values({ ...values, teamId, phase: 'client', phaseSince: helsinkiDate(now) })
			.returning({ id: child.id });
		const id = row!.id;
		const caseload = await claimIfCounted(
			tx,
			actor,
			{ teamId, responsibleWorkerId: null, phase: 'client' },
			{ responsibleWorkerId: values.responsibleWorkerId, phase: 'client' },
			id,
			input.caseloadReason
		);
		await tx.insert(phaseChange).values({
			childId: id,
			toPhase: 'client',
			on: helsinkiDate(now),
			changedBy: viewer.userId,
			changedAt: now
		});
		// Every child has a stored status from the start: grey, no information yet.
		await recomputeChildStatus(tx, id, 'child_created');
		await recordAccess(tx, {
			actor,
			action: 'create',
			entityType: 'child',
			entityId: id,
			childId: id,
			basis: 'team',
			outcome: 'allowed'
		});
		return { id, caseload };
	});
}

/** Optimistic locking: an edit based on an old version is refused, nothing overwritten. */
export async function updateChild(
	db: Db,
	ctx: ChildContext,
	input: ChildInput & { version: number }
) {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
	const [current] = await db.select().from(child).where(eq(child.id, ctx.childId));
	if (!current) throw new NotFoundError();
	const values = await validateChild(db, current.teamId, input, ctx.childId);
	return db.transaction(async (tx) => {
		// Under the child's lock: the phase read here is the one the caseload counts.
		await lockChild(tx, ctx.childId);
		const [before] = await tx.select().from(child).where(eq(child.id, ctx.childId));
		if (!before) throw new NotFoundError();
		const notice = await claimIfCounted(
			tx,
			ctx.actor,
			before,
			{ responsibleWorkerId: values.responsibleWorkerId, phase: before.phase },
			ctx.childId,
			input.caseloadReason
		);
		const row = await updateVersioned(tx, child, ctx.childId, input.version, values);
		await logChild(tx, ctx, 'update', 'child');
		return { id: row.id, caseload: notice };
	});
}

/**
 * The child as the viewer may see it. The team gets the whole record; a partner or unit
 * gets identification only (no identity code, placements or other organisations' grants).
 */
/** The full identity code, on its own page after a fresh confirmation; logged as a reveal. */
export async function revealIdentityCode(db: Db, ctx: ChildContext): Promise<string | null> {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
	return db.transaction(async (tx) => {
		const [c] = await tx
			.select({ code: child.personalIdentityCode })
			.from(child)
			.where(eq(child.id, ctx.childId));
		if (!c) throw new NotFoundError();
		await logChild(tx, ctx, 'reveal', 'identity_code');
		return c.code;
	});
}

/**
 * The child as its pages need it. The identity code is masked (e.g. 010115A***X) unless
 * `withIdentityCode` asks for it whole: only the edit form does, after a fresh confirmation.
 */
export async function getChild(
	db: DbOrTx,
	ctx: ChildContext,
	opts: { withIdentityCode?: boolean } = {}
) {
	return inTransaction(db, async (tx) => {
		// The child and, for the team, its placements: read together (pipelined on PostgreSQL).
		const {
			rows: [c],
			placements
		} = await together({
			rows: tx
				.select({
					...listColumns,
					personalIdentityCode: child.personalIdentityCode,
					homeMunicipality: child.homeMunicipality,
					responsibleWorkerId: child.responsibleWorkerId,
					secondWorkerId: child.secondWorkerId,
					version: child.version
				})
				.from(child)
				.leftJoin(user, eq(user.id, child.responsibleWorkerId))
				.where(eq(child.id, ctx.childId)),
			placements:
				ctx.access.kind === 'team'
					? tx
							.select({
								id: placement.id,
								unitName: organisation.name,
								since: placement.since,
								until: placement.until
							})
							.from(placement)
							.innerJoin(organisation, eq(organisation.id, placement.unitOrganisationId))
							.where(eq(placement.childId, ctx.childId))
							.orderBy(asc(placement.since))
					: []
		});
		if (!c) throw new NotFoundError();
		await logChild(tx, ctx, 'read', 'child');
		if (ctx.access.kind !== 'team') {
			return {
				kind: 'partner' as const,
				child: {
					id: c.id,
					givenName: c.givenName,
					familyName: c.familyName,
					dateOfBirth: c.dateOfBirth,
					birthExpected: c.birthExpected
				}
			};
		}
		const code = c.personalIdentityCode;
		return {
			kind: 'team' as const,
			child: {
				...c,
				personalIdentityCode: code && !opts.withIdentityCode ? maskHetu(code) : code
			},
			placements
		};
	});
}

/**
 * The number of the emergency social services of the child's team's organisation (§6,
 * "danger now"), for the assessment form; null when the organisation has not set one.
 * An organisation setting, not the child's data.
 */
export async function emergencyPhoneFor(
	db: DbOrTx,
	ctx: Pick<ChildContext, 'childId'>
): Promise<string | null> {
	const [row] = await db
		.select({ phone: organisation.emergencyPhone })
		.from(child)
		.innerJoin(team, eq(team.id, child.teamId))
		.innerJoin(organisation, eq(organisation.id, team.organisationId))
		.where(eq(child.id, ctx.childId));
	return row?.phone ?? null;
}
