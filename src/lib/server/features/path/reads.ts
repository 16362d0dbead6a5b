import {
	aliasedTable,
	and,
	asc,
	desc,
	eq,
	inArray,
	isNull,
	ne,
	or,
	sql,
	type SQLWrapper
} from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { clockState, type ClockKind, type ClockState } from '../../../domain/clocks';
import { actorOf, logChild, logListed, type StaffContext, loggedRows } from '../../access-log';
import { teamMemberships, type ChildContext } from '../../access';
import { inTransaction, type DbOrTx } from '../../db';
import { together } from '../../db/together';
import {
	assessment,
	caseContact,
	child,
	childStatus,
	organisation,
	phaseChange,
	placement,
	statutoryClock,
	user,
	childName
} from '../../db/schema';
import type { ChildPhase } from '../../../domain/path';
import { shownColour } from '../status';
import type { Colour } from '../../../domain/colours';

export type ClockView = {
	id: string;
	kind: ClockKind;
	startedOn: string;
	dueOn: string;
	metOn: string | null;
	/** An emergency placement's extension decision (38 § 2), if any. */
	extendedOn: string | null;
	version: number;
	/** Null: a clock left open when the case closed, no longer running. */
	state: ClockState | null;
};

function clockView(
	c: typeof statutoryClock.$inferSelect,
	phase: ChildPhase,
	today: string
): ClockView {
	return {
		id: c.id,
		kind: c.kind,
		startedOn: c.startedOn,
		dueOn: c.dueOn,
		metOn: c.metOn,
		extendedOn: c.extendedOn,
		version: c.version,
		state: !c.metOn && phase === 'closed' ? null : clockState(c.dueOn, today, c.metOn)
	};
}

/**
 * The child's path as its page shows it (§10–§11). The team: the phase and its history,
 * the contacts, the clocks, the second worker and when the child was last heard. A
 * partner: only the contacts its own organisation filed (when, what kind).
 */
export async function childPath(db: DbOrTx, ctx: ChildContext, now = new Date()) {
	const today = helsinkiDate(now);
	return inTransaction(db, async (tx) => {
		if (ctx.access.kind !== 'team') {
			const contacts = await tx
				.select({ id: caseContact.id, kind: caseContact.kind, receivedOn: caseContact.receivedOn })
				.from(caseContact)
				.where(
					and(
						eq(caseContact.childId, ctx.childId),
						eq(caseContact.filedByOrganisationId, ctx.access.membership.organisationId)
					)
				)
				.orderBy(desc(caseContact.receivedOn));
			await loggedRows(tx, ctx, 'read', 'case_contact', contacts);
			return { kind: 'partner' as const, contacts };
		}
		const second = aliasedTable(user, 'second_worker');
		// The five reads are independent: read together (pipelined on PostgreSQL).
		const {
			row: [c],
			history,
			contacts,
			clocks,
			heard: [heard]
		} = await together({
			row: tx
				.select({
					phase: child.phase,
					phaseSince: child.phaseSince,
					secondWorkerName: second.displayName
				})
				.from(child)
				.leftJoin(second, eq(second.id, child.secondWorkerId))
				.where(eq(child.id, ctx.childId)),
			history: tx
				.select({
					id: phaseChange.id,
					fromPhase: phaseChange.fromPhase,
					toPhase: phaseChange.toPhase,
					on: phaseChange.on,
					reason: phaseChange.reason,
					placementKind: phaseChange.placementKind,
					placementPlace: sql<
						string | null
					>`coalesce(${organisation.name}, ${phaseChange.placementPlace})`,
					by: user.displayName,
					at: phaseChange.changedAt
				})
				.from(phaseChange)
				.innerJoin(user, eq(user.id, phaseChange.changedBy))
				.leftJoin(placement, eq(placement.id, phaseChange.placementId))
				.leftJoin(organisation, eq(organisation.id, placement.unitOrganisationId))
				.where(eq(phaseChange.childId, ctx.childId))
				.orderBy(asc(phaseChange.seq)),
			contacts: tx
				.select({
					id: caseContact.id,
					kind: caseContact.kind,
					receivedOn: caseContact.receivedOn,
					notifierKind: caseContact.notifierKind,
					urgent: caseContact.urgent,
					decision: caseContact.decision,
					decidedOn: caseContact.decidedOn
				})
				.from(caseContact)
				.where(eq(caseContact.childId, ctx.childId))
				.orderBy(desc(caseContact.receivedOn), desc(caseContact.createdAt)),
			clocks: tx
				.select()
				.from(statutoryClock)
				.where(eq(statutoryClock.childId, ctx.childId))
				.orderBy(asc(statutoryClock.dueOn)),
			// Heard: an assessment that wrote down the child's own view (§11).
			heard: tx
				.select({ at: sql<Date | null>`max(${assessment.submittedAt})` })
				.from(assessment)
				.where(
					and(
						eq(assessment.childId, ctx.childId),
						eq(assessment.status, 'submitted'),
						ne(sql`btrim(${assessment.childView})`, '')
					)
				)
		});
		if (!c) return null;
		await logChild(tx, ctx, 'read', 'child_path');
		return {
			kind: 'team' as const,
			phase: c.phase,
			phaseSince: c.phaseSince,
			secondWorkerName: c.secondWorkerName,
			history,
			contacts,
			clocks: clocks.map((k) => clockView(k, c.phase, today)),
			lastHeard: heard?.at ? new Date(heard.at) : null
		};
	});
}

/** The nearest open clock of each child (closed cases excluded): the dashboard's column. */
export async function nearestClocks(
	db: DbOrTx,
	/** The children, or a subquery naming them (the dashboard's page, read in one batch). */
	childIds: string[] | SQLWrapper,
	now = new Date()
) {
	const out = new Map<string, ClockView>();
	if (Array.isArray(childIds) && !childIds.length) return out;
	const today = helsinkiDate(now);
	const rows = await db
		.select({ clock: statutoryClock, phase: child.phase })
		.from(statutoryClock)
		.innerJoin(child, eq(child.id, statutoryClock.childId))
		.where(
			and(
				inArray(statutoryClock.childId, childIds),
				isNull(statutoryClock.metOn),
				ne(child.phase, 'closed')
			)
		)
		.orderBy(asc(statutoryClock.dueOn));
	for (const r of rows)
		if (!out.has(r.clock.childId)) out.set(r.clock.childId, clockView(r.clock, r.phase, today));
	return out;
}

const INTAKE_LIMIT = 500;
/** A child's nearest open intake deadline: the decision's 7 working days or the 3 months. */
const nextOpenDue = sql`(select min(${statutoryClock.dueOn}) from ${statutoryClock}
	where ${statutoryClock.childId} = ${child.id}
	and ${statutoryClock.kind} in ('decision', 'needs_assessment')
	and ${statutoryClock.metOn} is null)`;

/**
 * The team's intake (§10): children at `contact` or in a needs assessment, and any child
 * with a contact not yet decided, with their clocks, nearest deadline first. Team roles
 * only; a logged list.
 */
export async function intakeList(
	db: DbOrTx,
	viewer: StaffContext,
	now = new Date(),
	{ limit = INTAKE_LIMIT } = {}
) {
	const ms = teamMemberships(viewer);
	const teamIds = ms.map((x) => x.teamId!);
	if (!teamIds.length) return [];
	const today = helsinkiDate(now);
	return inTransaction(db, async (tx) => {
		const undecided = tx
			.select({ id: caseContact.childId })
			.from(caseContact)
			.where(isNull(caseContact.decision));
		const rows = await tx
			.select({
				id: child.id,
				teamId: child.teamId,
				...childName,
				dateOfBirth: child.dateOfBirth,
				phase: child.phase,
				responsibleWorkerName: user.displayName,
				colour: shownColour<Colour | null>()
			})
			.from(child)
			.leftJoin(user, eq(user.id, child.responsibleWorkerId))
			.leftJoin(childStatus, eq(childStatus.childId, child.id))
			.where(
				and(
					inArray(child.teamId, teamIds),
					or(inArray(child.phase, ['contact', 'needs_assessment']), inArray(child.id, undecided))
				)
			)
			// The nearest deadline first, so a long intake cuts the farthest, never an overdue one.
			.orderBy(sql`${nextOpenDue} asc nulls last`, asc(child.familyName), asc(child.id))
			.limit(limit);
		const ids = rows.map((r) => r.id);
		const contacts = ids.length
			? await tx
					.select({
						id: caseContact.id,
						childId: caseContact.childId,
						kind: caseContact.kind,
						receivedOn: caseContact.receivedOn,
						notifierKind: caseContact.notifierKind,
						urgent: caseContact.urgent,
						decision: caseContact.decision
					})
					.from(caseContact)
					.where(inArray(caseContact.childId, ids))
					.orderBy(desc(caseContact.receivedOn))
			: [];
		const clocks = ids.length
			? await tx
					.select()
					.from(statutoryClock)
					.where(
						and(
							inArray(statutoryClock.childId, ids),
							inArray(statutoryClock.kind, ['decision', 'needs_assessment']),
							isNull(statutoryClock.metOn)
						)
					)
			: [];
		const latestContact = new Map<string, (typeof contacts)[number]>();
		for (const k of contacts) if (!latestContact.has(k.childId)) latestContact.set(k.childId, k);
		// Node 20 has no Map.groupBy.
		const clocksOf = new Map<string, (typeof clocks)[number][]>();
		for (const k of clocks) clocksOf.set(k.childId, [...(clocksOf.get(k.childId) ?? []), k]);
		const list = rows.map((r) => {
			const own = (clocksOf.get(r.id) ?? []).map((k) => clockView(k, r.phase, today));
			const latest = latestContact.get(r.id) ?? null;
			return {
				...r,
				contact: latest,
				decision:
					own
						.filter((k) => k.kind === 'decision')
						.sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? null,
				needsAssessment: own.find((k) => k.kind === 'needs_assessment') ?? null,
				nextDue: own.map((k) => k.dueOn).sort()[0] ?? '9999-12-31'
			};
		});
		list.sort(
			(a, b) => a.nextDue.localeCompare(b.nextDue) || a.familyName.localeCompare(b.familyName, 'fi')
		);
		await logListed(
			tx,
			list.map((r) => ({
				actor: actorOf(viewer, ms.find((x) => x.teamId === r.teamId) ?? ms[0]),
				basis: 'team',
				entityType: 'child',
				entityId: r.id,
				childId: r.id
			})),
			'list'
		);
		return list;
	});
}
