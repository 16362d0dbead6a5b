import { and, asc, desc, eq, gte, ne } from 'drizzle-orm';
import { formatDate, formatDay } from '../../../format';
import { m } from '../../../paraglide/messages';
import { loggedRows } from '../../access-log';
import type { FamilyChildContext } from '../../access';
import { inTransaction, type Db, type DbOrTx } from '../../db';
import { hypothesis, meetingDiscussion, meetingStep, teamMeeting } from '../../db/schema';
import { FieldError, ForbiddenError } from '../../errors';
import { writeNote } from './notes';

/*
 * What the last meeting agreed, for the family to read and answer (docs/domain.md §11):
 * the team's hypotheses about the child, written as questions, and the steps it agreed.
 * The family's reply is a family note about that meeting, shown to the team with the
 * family's other words, so it is there at the child's next discussion.
 */

/** The newest closed meeting that discussed the child (since a moment, if given), or null. */
export async function lastMeeting(tx: DbOrTx, childId: string, since?: Date) {
	const [row] = await tx
		.select({ id: teamMeeting.id, startsAt: teamMeeting.startsAt })
		.from(meetingDiscussion)
		.innerJoin(teamMeeting, eq(teamMeeting.id, meetingDiscussion.meetingId))
		.where(
			and(
				eq(meetingDiscussion.childId, childId),
				eq(teamMeeting.state, 'closed'),
				since ? gte(teamMeeting.startsAt, since) : undefined
			)
		)
		.orderBy(desc(teamMeeting.startsAt))
		.limit(1);
	return row ?? null;
}

/** The last meeting's hypotheses (not set aside) and steps about this child; logged. */
export async function lastAgreement(db: DbOrTx, ctx: FamilyChildContext) {
	if (ctx.access.kind !== 'family') throw new ForbiddenError();
	return inTransaction(db, async (tx) => {
		const meeting = await lastMeeting(tx, ctx.childId);
		if (!meeting) return null;
		const questions = await tx
			.select({ id: hypothesis.id, text: hypothesis.statement })
			.from(hypothesis)
			.where(
				and(
					eq(hypothesis.childId, ctx.childId),
					eq(hypothesis.meetingId, meeting.id),
					ne(hypothesis.state, 'set_aside')
				)
			)
			.orderBy(asc(hypothesis.createdAt));
		const steps = await tx
			.select({ id: meetingStep.id, what: meetingStep.what, dueOn: meetingStep.dueOn })
			.from(meetingStep)
			.where(and(eq(meetingStep.childId, ctx.childId), eq(meetingStep.meetingId, meeting.id)))
			.orderBy(asc(meetingStep.dueOn));
		if (!questions.length && !steps.length) return null;
		await loggedRows(tx, ctx, 'read', 'hypothesis', questions);
		await loggedRows(tx, ctx, 'read', 'meeting_step', steps);
		return {
			meetingId: meeting.id,
			title: m.agreement_title({ date: formatDay(meeting.startsAt) }),
			questions: questions.map((q) => ({ id: q.id, text: q.text })),
			steps: steps.map((s) => ({
				id: s.id,
				text: m.agreement_step({ what: s.what, date: formatDate(s.dueOn) })
			}))
		};
	});
}

/** The family member's reply to the last meeting's agreement: only that meeting's; logged. */
export function replyToMeeting(
	db: Db,
	ctx: FamilyChildContext,
	input: { meetingId: string; text: string }
) {
	return writeNote(db, ctx, input.text, async (tx) => {
		const meeting = await lastMeeting(tx, ctx.childId);
		if (meeting?.id !== input.meetingId)
			throw new FieldError({ text: m.agreement_error_not_last() });
		return meeting.id;
	});
}
