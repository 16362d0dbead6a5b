import { and, asc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import {
	CASELOAD_PHASES,
	RESPONSIBLE_ROLES,
	WORKLOAD_PHASES,
	canBeResponsible,
	caseloadBand,
	caseloadCheck,
	type ChildPhase
} from '../../../domain/path';
import { m } from '../../../paraglide/messages';
import { actorOf, logListed, type Actor, type StaffContext } from '../../access-log';
import { teamMemberships } from '../../access';
import type { DbOrTx } from '../../db';
import {
	caseloadConfirmation,
	child,
	childStatus,
	membership,
	user,
	childName
} from '../../db/schema';
import { FieldError, ForbiddenError } from '../../errors';
import { shownColour } from '../status';

const counted = inArray(child.phase, [...CASELOAD_PHASES]);
const workload = inArray(child.phase, [...WORKLOAD_PHASES]);

/**
 * The team's qualified social workers with their caseloads (13 b §): the child-protection
 * clients they are responsible for (open care, placement, aftercare), how many of those are
 * red, and beside it the needs assessments they carry (workload, not counted, §10).
 */
export async function teamCaseloads(db: DbOrTx, teamId: string) {
	const rows = await db
		.select({
			userId: user.id,
			displayName: user.displayName,
			role: membership.role,
			count: sql<number>`count(${child.id}) filter (where ${counted})`.mapWith(Number),
			red: sql<number>`count(${child.id}) filter (where ${counted} and ${childStatus.severity} = 3)`.mapWith(
				Number
			),
			needsAssessments: sql<number>`count(${child.id}) filter (where ${workload})`.mapWith(Number)
		})
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.leftJoin(child, and(eq(child.responsibleWorkerId, user.id), eq(child.teamId, teamId)))
		.leftJoin(childStatus, eq(childStatus.childId, child.id))
		.where(
			and(
				eq(membership.teamId, teamId),
				isNotNull(membership.approvedAt),
				eq(user.active, true),
				inArray(membership.role, [...RESPONSIBLE_ROLES])
			)
		)
		.groupBy(user.id, user.displayName, membership.role)
		.orderBy(asc(user.displayName));
	return rows.map((r) => ({ ...r, band: caseloadBand(r.count) }));
}

/** The team page's caseload table; reading the red counts is not a read of any one child. */
export async function caseloadOverview(db: DbOrTx, viewer: StaffContext) {
	const ms = teamMemberships(viewer)[0];
	if (!ms?.teamId) throw new ForbiddenError();
	return { teamName: ms.teamName, workers: await teamCaseloads(db, ms.teamId) };
}

/** The children one worker is responsible for now, for the caseload page; a logged list. */
export async function workerCaseload(db: DbOrTx, viewer: StaffContext, workerId: string) {
	const ms = teamMemberships(viewer)[0];
	if (!ms?.teamId) throw new ForbiddenError();
	const rows = await db
		.select({
			id: child.id,
			...childName,
			phase: child.phase,
			colour: shownColour()
		})
		.from(child)
		.leftJoin(childStatus, eq(childStatus.childId, child.id))
		// The counted clients and, beside them, the needs assessments (their phase says which).
		.where(
			and(
				eq(child.teamId, ms.teamId),
				eq(child.responsibleWorkerId, workerId),
				or(counted, workload)
			)
		)
		.orderBy(asc(child.familyName), asc(child.givenName));
	await logListed(
		db,
		rows.map((r) => ({
			actor: actorOf(viewer, ms),
			basis: 'team',
			entityType: 'child',
			entityId: r.id,
			childId: r.id
		}))
	);
	return rows;
}

/** Only an active, approved social worker or consultant social worker of the team (13 b §). */
export async function assertCanBeResponsible(
	tx: DbOrTx,
	teamId: string,
	workerId: string,
	field: string
): Promise<void> {
	const [w] = await tx
		.select({ role: membership.role })
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(
			and(
				eq(membership.userId, workerId),
				eq(membership.teamId, teamId),
				isNotNull(membership.approvedAt),
				eq(user.active, true)
			)
		);
	if (!w || !canBeResponsible(w.role))
		throw new FieldError({ [field]: m.error_responsible_role() });
}

export type CaseloadNotice = { workerCount: number } | null;

/**
 * Before `childId` starts counting in `workerId`'s caseload (a new responsible worker, or
 * a phase that counts): checks the worker may be responsible and that there is room. The
 * worker's caseload is counted under a lock on the worker, so two assignments at once
 * cannot both take the 30th place. A 21st child returns a warning; a 31st needs the
 * consultant social worker's confirmation with a reason, which is recorded.
 */
export async function claimCaseloadPlace(
	tx: DbOrTx,
	input: {
		actor: Actor;
		teamId: string;
		workerId: string;
		childId: string;
		reason: string | null | undefined;
		/** The form field the worker was chosen in, for the error. */
		field: string;
	}
): Promise<CaseloadNotice> {
	await assertCanBeResponsible(tx, input.teamId, input.workerId, input.field);
	await tx.execute(
		sql`select pg_advisory_xact_lock(hashtextextended(${'caseload:' + input.workerId}, 0))`
	);
	const [{ n } = { n: 0 }] = await tx
		.select({ n: sql<number>`count(*)`.mapWith(Number) })
		.from(child)
		.where(
			and(eq(child.responsibleWorkerId, input.workerId), counted, ne(child.id, input.childId))
		);
	const need = caseloadCheck(n);
	if (need === 'ok') return null;
	if (need === 'warn') return { workerCount: n + 1 };
	if (input.actor.role !== 'consultant_social_worker')
		throw new FieldError({ [input.field]: m.error_caseload_cap({ count: n }) });
	const reason = input.reason?.trim();
	if (!reason) throw new FieldError({ caseloadReason: m.error_caseload_reason() });
	await tx.insert(caseloadConfirmation).values({
		workerId: input.workerId,
		childId: input.childId,
		caseloadBefore: n,
		reason,
		confirmedBy: input.actor.userId
	});
	return { workerCount: n + 1 };
}

/**
 * A change of a child's responsible worker or phase: claims a place when the child starts
 * counting for someone it did not count for before.
 */
export async function claimIfCounted(
	tx: DbOrTx,
	actor: Actor,
	before: { teamId: string; responsibleWorkerId: string | null; phase: ChildPhase },
	after: { responsibleWorkerId: string | null; phase: ChildPhase },
	childId: string,
	reason: string | null | undefined,
	field = 'responsibleWorkerId'
): Promise<CaseloadNotice> {
	const countsAfter = !!after.responsibleWorkerId && CASELOAD_PHASES.includes(after.phase);
	const countedBefore =
		before.responsibleWorkerId === after.responsibleWorkerId &&
		CASELOAD_PHASES.includes(before.phase);
	if (!countsAfter || countedBefore) return null;
	return claimCaseloadPlace(tx, {
		actor,
		teamId: before.teamId,
		workerId: after.responsibleWorkerId!,
		childId,
		reason,
		field
	});
}

/** The choices for a responsible worker, each with their caseload now ("Name (12)"). */
export async function responsibleOptions(db: DbOrTx, teamId: string) {
	const workers = await teamCaseloads(db, teamId);
	return workers.map((w) => ({
		value: w.userId,
		label: m.worker_with_caseload({ name: w.displayName, count: w.count })
	}));
}
