import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import {
	ageOn,
	flagOverdue,
	flagsToRaise,
	suggestWorkflow,
	triageDueOn,
	type FlagTrigger,
	type StatusFacts
} from '../../../domain/flags';
import { INTENSIVE_KINDS, type WorkflowKind } from '../../../domain/workflows';
import { m } from '../../../paraglide/messages';
import { type Db, type DbOrTx } from '../../db';
import { together } from '../../db/together';
import { lockForEdit, nextVersion } from '../../db/lock';
import {
	child,
	consultation,
	flag,
	intensiveWorkflow,
	placement,
	childName
} from '../../db/schema';
import { ConflictError, FieldError, NotFoundError } from '../../errors';
import { notify, teamMembersWithRole } from '../notifications';
import { ForbiddenError } from '../../errors';
import { assertChildPermission, type ChildContext, teamMemberships } from '../../access';
import { logChild, logTeamList, type StaffContext, readLogged } from '../../access-log';
import { isOneOf } from '../../../domain/one-of';

type ChildFacts = Awaited<ReturnType<typeof childFacts>>;

async function childFacts(tx: DbOrTx, childId: string, today: string) {
	// Two reads with no order between them: one round trip inside a transaction.
	const { rows, placed } = await together({
		rows: tx
			.select({
				dateOfBirth: child.dateOfBirth,
				teamId: child.teamId,
				responsibleWorkerId: child.responsibleWorkerId
			})
			.from(child)
			.where(eq(child.id, childId)),
		placed: tx
			.select({ id: placement.id })
			.from(placement)
			.where(
				and(
					eq(placement.childId, childId),
					lte(placement.since, today),
					or(isNull(placement.until), gte(placement.until, today))
				)
			)
			.limit(1)
	});
	const c = rows[0]!;
	return { ...c, ageYears: ageOn(c.dateOfBirth, today), placed: placed.length > 0 };
}

/**
 * Raises one flag unless an open one for the same child and trigger exists (a partial unique
 * index makes that hold even under concurrent submissions). A reason joining an open flag
 * brings its deadline forward if it asks for sooner (§6: the earliest any reason asks; an
 * urgent consultation request makes it 1 working day), never later. Returns the new flag's
 * id, or null when it joined an open one.
 */
export async function raiseFlag(
	tx: DbOrTx,
	childId: string,
	trigger: FlagTrigger,
	status: StatusFacts,
	now: Date,
	// `facts`: the child's facts when the caller has read them for this day already.
	extra: { consultationId?: string; urgent?: boolean; facts?: ChildFacts } = {}
): Promise<string | null> {
	const today = helsinkiDate(now);
	const facts = extra.facts ?? (await childFacts(tx, childId, today));
	const [row] = await tx
		.insert(flag)
		.values({
			childId,
			trigger,
			suggestedWorkflow: suggestWorkflow(trigger, status, facts),
			raisedAt: now,
			dueOn: triageDueOn(trigger, today, extra.urgent ?? false),
			consultationId: extra.consultationId ?? null
		})
		.onConflictDoUpdate({
			target: [flag.childId, flag.trigger],
			targetWhere: sql`${flag.status} = 'open'`,
			set: { dueOn: sql`least(${flag.dueOn}, excluded.due_on)` }
		})
		// xmax is 0 on a row this statement inserted, not on one it updated.
		.returning({ id: flag.id, inserted: sql<boolean>`(xmax = 0)` });
	if (!row?.inserted) return null;
	if (trigger === 'turned_red') {
		const consultants = await teamMembersWithRole(tx, childId, ['consultant_social_worker']);
		await notify(
			tx,
			[...consultants, facts.responsibleWorkerId],
			'flag_red',
			`/flags/${row.id}`,
			now,
			childId
		);
	}
	return row.id;
}

/** Called by the status recompute, in its transaction: flags for what is new. */
export async function raiseFlagsForStatusChange(
	tx: DbOrTx,
	childId: string,
	prev: StatusFacts | null,
	next: StatusFacts,
	now: Date
) {
	const triggers = flagsToRaise(prev, next);
	if (!triggers.length) return;
	// One read of the child's facts for every flag this change raises: they cannot differ.
	const facts = await childFacts(tx, childId, helsinkiDate(now));
	for (const trigger of triggers) await raiseFlag(tx, childId, trigger, next, now, { facts });
}

/** The team's flags: open ones first (overdue first), then the latest decisions. */
export async function teamFlags(db: Db, viewer: StaffContext, now = new Date()) {
	const ms = teamMemberships(viewer);
	if (!ms.length) throw new ForbiddenError();
	const teamIds = ms.map((x) => x.teamId!);
	const today = helsinkiDate(now);
	return db.transaction(async (tx) => {
		const rows = await tx
			.select({
				id: flag.id,
				childId: flag.childId,
				teamId: child.teamId,
				...childName,
				trigger: flag.trigger,
				suggestedWorkflow: flag.suggestedWorkflow,
				status: flag.status,
				decidedWorkflow: flag.decidedWorkflow,
				raisedAt: flag.raisedAt,
				dueOn: flag.dueOn,
				triagedAt: flag.triagedAt
			})
			.from(flag)
			.innerJoin(child, eq(child.id, flag.childId))
			.where(
				and(
					inArray(child.teamId, teamIds),
					or(eq(flag.status, 'open'), sql`${flag.triagedAt} > now() - interval '30 days'`)
				)
			)
			.orderBy(sql`${flag.status} = 'open' desc`, asc(flag.dueOn), desc(flag.triagedAt))
			.limit(200);
		await logTeamList(
			tx,
			viewer,
			ms,
			'flag',
			rows.map((r) => ({ entityId: r.id, childId: r.childId, teamId: r.teamId }))
		);
		return rows.map((r) => ({
			...r,
			overdue: r.status === 'open' && flagOverdue(r.dueOn, today)
		}));
	});
}

export async function childOfFlag(db: Db, flagId: string): Promise<string | null> {
	const [r] = await db.select({ childId: flag.childId }).from(flag).where(eq(flag.id, flagId));
	return r?.childId ?? null;
}

export async function getFlag(db: Db, ctx: ChildContext, flagId: string, now = new Date()) {
	if (ctx.access.kind !== 'team') throw new NotFoundError();
	return db.transaction(async (tx) => {
		const [f] = await tx
			.select()
			.from(flag)
			.where(and(eq(flag.id, flagId), eq(flag.childId, ctx.childId)));
		if (!f) throw new NotFoundError();
		await logChild(tx, ctx, 'read', 'flag', flagId);
		return { ...f, overdue: f.status === 'open' && flagOverdue(f.dueOn, helsinkiDate(now)) };
	});
}

export type TriageInput = {
	decision: WorkflowKind | 'dismiss';
	note: string;
	version: number;
};

/**
 * The consultant social worker's triage: accept the suggestion, choose another workflow, or
 * dismiss with a reason. Accepting starts the workflow (an intensive one as `proposed`, a
 * consultation as `requested`) in the same transaction as the decision.
 */
export async function triageFlag(
	db: Db,
	ctx: ChildContext,
	flagId: string,
	input: TriageInput,
	now = new Date()
) {
	await assertChildPermission(db, ctx, 'triageFlag', 'flag', flagId);
	const note = input.note.trim();
	if (input.decision === 'dismiss' && !note)
		throw new FieldError({ note: m.error_dismiss_reason_required() });
	return db.transaction(async (tx) => {
		const f = await lockForEdit(
			tx,
			flag,
			and(eq(flag.id, flagId), eq(flag.childId, ctx.childId)),
			input.version
		);
		// Triaged by someone else meanwhile: the same answer as a newer version.
		if (f.status !== 'open') throw new ConflictError(f);
		const facts = await childFacts(tx, ctx.childId, helsinkiDate(now));
		let intensiveId: string | null = null;
		let consultationId = f.consultationId;
		if (isOneOf(INTENSIVE_KINDS, input.decision)) {
			const [w] = await tx
				.insert(intensiveWorkflow)
				.values({
					childId: ctx.childId,
					kind: input.decision,
					leadWorkerId: facts.responsibleWorkerId ?? ctx.userId,
					flagId,
					createdBy: ctx.userId,
					createdAt: now
				})
				.returning({ id: intensiveWorkflow.id });
			intensiveId = w!.id;
			await logChild(tx, ctx, 'create', 'intensive_workflow', intensiveId);
		} else if (input.decision === 'consultation' && !consultationId) {
			const [c] = await tx
				.insert(consultation)
				.values({
					childId: ctx.childId,
					requestedBy: ctx.userId,
					requesterOrganisationId: ctx.access.membership.organisationId,
					question: note || m.flag_default_question(),
					urgency: f.trigger === 'turned_red' ? 'urgent' : 'normal',
					createdAt: now,
					updatedAt: now
				})
				.returning({ id: consultation.id });
			consultationId = c!.id;
			await logChild(tx, ctx, 'create', 'consultation', consultationId);
			const coordinators = await teamMembersWithRole(tx, ctx.childId, ['coordinator']);
			await notify(
				tx,
				coordinators,
				'consultation_requested',
				`/consultations/${consultationId}`,
				now,
				ctx.childId
			);
		}
		await tx
			.update(flag)
			.set({
				status: input.decision === 'dismiss' ? 'dismissed' : 'accepted',
				decidedWorkflow: input.decision === 'dismiss' ? null : input.decision,
				dismissReason: input.decision === 'dismiss' ? note : null,
				triagedBy: ctx.userId,
				triagedAt: now,
				intensiveId,
				consultationId,
				version: nextVersion(flag)
			})
			.where(eq(flag.id, flagId));
		await logChild(tx, ctx, 'triage', 'flag', flagId);
		return { intensiveId, consultationId };
	});
}

/** The child's flags for the team, open first. */
export async function flagsForChild(db: DbOrTx, ctx: ChildContext, now = new Date()) {
	if (ctx.access.kind !== 'team') return [];
	const today = helsinkiDate(now);
	const rows = await readLogged(db, ctx, 'list', 'flag', (tx) =>
		tx
			.select({
				id: flag.id,
				trigger: flag.trigger,
				status: flag.status,
				dueOn: flag.dueOn,
				raisedAt: flag.raisedAt
			})
			.from(flag)
			.where(eq(flag.childId, ctx.childId))
			.orderBy(sql`${flag.status} = 'open' desc`, desc(flag.raisedAt))
	);
	return rows.map((r) => ({ ...r, overdue: r.status === 'open' && flagOverdue(r.dueOn, today) }));
}
