import { and, asc, eq, gte, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { workingDaysBetween } from '../../../domain/working-days';
import { logListed, type StaffContext } from '../../access-log';
import { inTransaction, type DbOrTx } from '../../db';
import {
	child,
	childStatusHistory,
	consultation,
	meetingDiscussion,
	meetingStep,
	teamMeeting
} from '../../db/schema';
import { teamContextOf } from '../../access';
import { openPlanSteps } from '../intensive';

const DAY = 86_400_000;

/** The middle value; null for none. */
function median(values: number[]): number | null {
	if (!values.length) return null;
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Whether the meeting works (§7), for the team page: counts only, no child named. The share
 * of the team's open cases discussed in the last 28 days; the share of steps due so far that
 * were marked done; and the working days from a child turning red to its first discussion
 * (the last year's reds, median).
 */
export async function meetingMeasures(db: DbOrTx, viewer: StaffContext, now = new Date()) {
	const who = teamContextOf(viewer);
	const today = helsinkiDate(now);
	const since = new Date(now.getTime() - 28 * DAY);
	const [cases] = await db
		.select({
			open: sql<number>`count(*)`.mapWith(Number),
			// Spelled out: Drizzle leaves a one-table select's columns unqualified, which a
			// subquery over tables with the same column names would make ambiguous.
			discussed: sql<number>`count(*) filter (where exists (
				select 1 from meeting_discussion d join team_meeting t on t.id = d.meeting_id
				where d.child_id = "child"."id" and t.team_id = ${who.teamId}
				and t.starts_at >= ${since.toISOString()}::timestamptz and t.state <> 'planned'))`.mapWith(Number)
		})
		.from(child)
		.where(and(eq(child.teamId, who.teamId), ne(child.phase, 'closed')));
	const [steps] = await db
		.select({
			due: sql<number>`count(*)`.mapWith(Number),
			done: sql<number>`count(*) filter (where ${meetingStep.outcome} = 'done')`.mapWith(Number)
		})
		.from(meetingStep)
		.innerJoin(teamMeeting, eq(teamMeeting.id, meetingStep.meetingId))
		.where(and(eq(teamMeeting.teamId, who.teamId), lt(meetingStep.dueOn, today)));
	const reds = await db
		.select({
			at: childStatusHistory.at,
			first: sql<Date | null>`(select min(${teamMeeting.startsAt}) from ${meetingDiscussion}
				join ${teamMeeting} on ${teamMeeting.id} = ${meetingDiscussion.meetingId}
				where ${meetingDiscussion.childId} = ${childStatusHistory.childId}
				and ${teamMeeting.startsAt} >= ${childStatusHistory.at} and ${teamMeeting.state} <> 'planned')`
		})
		.from(childStatusHistory)
		.innerJoin(child, eq(child.id, childStatusHistory.childId))
		.where(
			and(
				eq(child.teamId, who.teamId),
				eq(childStatusHistory.toColour, 'red'),
				sql`${childStatusHistory.fromColour} is distinct from 'red'`,
				gte(childStatusHistory.at, new Date(now.getTime() - 365 * DAY))
			)
		);
	const days = reds.flatMap((r) =>
		r.first ? [workingDaysBetween(helsinkiDate(r.at), helsinkiDate(new Date(r.first)))] : []
	);
	return {
		openCases: cases?.open ?? 0,
		discussed28: cases?.discussed ?? 0,
		stepsDue: steps?.due ?? 0,
		stepsDone: steps?.done ?? 0,
		reds: reds.length,
		redsDiscussed: days.length,
		medianDaysToDiscussion: median(days)
	};
}

/**
 * A worker's own open steps, due first, from meetings, intensive workflows they lead and
 * consultations whose follow-up is theirs (§7); the children named are logged.
 */
export async function myOpenSteps(db: DbOrTx, viewer: StaffContext) {
	const who = teamContextOf(viewer);
	const me = who.actor.userId;
	const names = { givenName: child.givenName, familyName: child.familyName };
	return inTransaction(db, async (tx) => {
		const fromMeetings = await tx
			.select({
				id: meetingStep.id,
				childId: meetingStep.childId,
				what: meetingStep.what,
				dueOn: meetingStep.dueOn,
				...names
			})
			.from(meetingStep)
			.innerJoin(child, eq(child.id, meetingStep.childId))
			.where(
				and(eq(meetingStep.ownerId, me), isNull(meetingStep.outcome), eq(child.teamId, who.teamId))
			);
		const fromWorkflows = await openPlanSteps(tx, { leadWorkerId: me, teamId: who.teamId });
		const fromConsultations = await tx
			.select({
				id: consultation.id,
				childId: consultation.childId,
				dueOn: consultation.followUpOn,
				...names
			})
			.from(consultation)
			.innerJoin(child, eq(child.id, consultation.childId))
			.where(
				and(
					eq(consultation.followUpOwnerId, me),
					isNotNull(consultation.followUpOn),
					eq(consultation.state, 'held'),
					eq(child.teamId, who.teamId)
				)
			)
			.orderBy(asc(consultation.followUpOn));
		const rows = [
			...fromMeetings.map((r) => ({ ...r, source: 'meeting' as const, link: null })),
			...fromWorkflows.map((r) => ({
				...r,
				source: 'workflow' as const,
				link: r.workflowId
			})),
			...fromConsultations.map((r) => ({
				...r,
				what: null,
				dueOn: r.dueOn!,
				source: 'consultation' as const,
				link: r.id
			}))
		].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
		await logListed(
			tx,
			rows.map((r) => ({
				actor: who.actor,
				basis: 'team',
				entityType:
					r.source === 'meeting'
						? 'meeting_step'
						: r.source === 'workflow'
							? 'plan_step'
							: 'consultation',
				entityId: r.id,
				childId: r.childId
			}))
		);
		return rows;
	});
}
