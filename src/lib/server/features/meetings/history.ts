import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { loggedRows } from '../../access-log';
import type { ChildContext } from '../../access';
import { inTransaction, type DbOrTx } from '../../db';
import { hypothesis, meetingDiscussion, meetingStep, teamMeeting, user } from '../../db/schema';

/**
 * What the closed meetings decided about the child, newest first, for its page's history
 * (§7): who tells the family, the hypotheses raised or settled, the steps agreed. Team only.
 */
export async function childMeetingHistory(db: DbOrTx, ctx: ChildContext, limit = 12) {
	if (ctx.access.kind !== 'team') return [];
	return inTransaction(db, async (tx) => {
		const discussions = await tx
			.select({
				id: meetingDiscussion.id,
				meetingId: meetingDiscussion.meetingId,
				startsAt: teamMeeting.startsAt,
				familyPresent: meetingDiscussion.familyPresent,
				tellsFamily: meetingDiscussion.tellsFamily
			})
			.from(meetingDiscussion)
			.innerJoin(teamMeeting, eq(teamMeeting.id, meetingDiscussion.meetingId))
			.where(and(eq(meetingDiscussion.childId, ctx.childId), eq(teamMeeting.state, 'closed')))
			.orderBy(desc(teamMeeting.startsAt))
			.limit(limit);
		const ids = discussions.map((d) => d.meetingId);
		const hyps = ids.length
			? await tx
					.select()
					.from(hypothesis)
					.where(
						and(
							eq(hypothesis.childId, ctx.childId),
							or(inArray(hypothesis.meetingId, ids), inArray(hypothesis.stateMeetingId, ids))
						)
					)
			: [];
		const steps = ids.length
			? await tx
					.select({
						id: meetingStep.id,
						meetingId: meetingStep.meetingId,
						what: meetingStep.what,
						dueOn: meetingStep.dueOn,
						outcome: meetingStep.outcome,
						ownerName: user.displayName
					})
					.from(meetingStep)
					.innerJoin(user, eq(user.id, meetingStep.ownerId))
					.where(and(eq(meetingStep.childId, ctx.childId), inArray(meetingStep.meetingId, ids)))
			: [];
		await loggedRows(tx, ctx, 'read', 'meeting_discussion', discussions);
		return discussions.map((d) => ({
			...d,
			raised: hyps.filter((h) => h.meetingId === d.meetingId).map((h) => h.statement),
			settled: hyps
				.filter((h) => h.stateMeetingId === d.meetingId && h.state !== 'open')
				.map((h) => ({ statement: h.statement, state: h.state, note: h.stateNote })),
			steps: steps.filter((s) => s.meetingId === d.meetingId)
		}));
	});
}
