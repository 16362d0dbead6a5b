import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import {
	mustSettleFirst,
	nextMeetingState,
	type HypothesisState,
	type StepOutcome
} from '../../../domain/meeting';
import { can } from '../../../domain/permissions';
import { m } from '../../../paraglide/messages';
import { logListed, type StaffContext } from '../../access-log';
import type { DbOrTx, Tx } from '../../db';
import { lockForEdit, nextVersion, updateVersioned } from '../../db/lock';
import {
	agendaItem,
	hypothesis,
	meetingAddendum,
	meetingDiscussion,
	meetingStep,
	membership,
	teamMeeting,
	user
} from '../../db/schema';
import { FieldError, ForbiddenError } from '../../errors';
import { assertEditable, deny, meetingOf, meetingTx } from './meetings';
import { teamContextOf, type TeamContext } from '../../access';

type Meeting = typeof teamMeeting.$inferSelect;

const logOne = (
	tx: DbOrTx,
	who: TeamContext,
	entityType: string,
	entityId: string,
	childId: string
) => logListed(tx, [{ actor: who.actor, basis: 'team', entityType, entityId, childId }], 'write');

/**
 * The coordinator or consultant opens the meeting (who facilitates, who takes notes, who is
 * there) and closes it. Closing asks for a hypothesis for every child discussed; after it,
 * the meeting is read-only.
 */
export async function advanceMeeting(
	db: DbOrTx,
	viewer: StaffContext,
	meetingId: string,
	input: {
		version: number;
		facilitatorId?: string | null;
		noteTakerId?: string | null;
		presentUserIds?: string[];
	},
	now = new Date()
) {
	const who = teamContextOf(viewer);
	if (!can(who.actor.role, 'runMeeting')) throw new ForbiddenError();
	return meetingTx(db, who, async (tx) => {
		const meeting = await meetingOf(tx, who, meetingId, { lock: true, version: input.version });
		const to = nextMeetingState(meeting.state);
		if (!to) throw new FieldError({ _form: m.meeting_error_state() });
		if (to === 'open') {
			const members = new Set(
				(
					await tx
						.select({ userId: membership.userId })
						.from(membership)
						.where(eq(membership.teamId, who.teamId))
				).map((r) => r.userId)
			);
			const chosen = [input.facilitatorId, input.noteTakerId, ...(input.presentUserIds ?? [])];
			if (chosen.some((id) => id && !members.has(id)))
				throw new FieldError({ presentUserIds: m.meeting_error_not_member() });
			await tx
				.update(teamMeeting)
				.set({
					state: 'open',
					openedAt: now,
					facilitatorId: input.facilitatorId ?? null,
					noteTakerId: input.noteTakerId ?? meeting.noteTakerId,
					presentUserIds: [...new Set(input.presentUserIds ?? [])],
					version: nextVersion(teamMeeting),
					updatedAt: now
				})
				.where(eq(teamMeeting.id, meeting.id));
			return 'open' as const;
		}
		// At least one hypothesis for each child discussed: raised here or still open.
		const missing = await tx
			.select({ childId: meetingDiscussion.childId })
			.from(meetingDiscussion)
			.where(
				and(
					eq(meetingDiscussion.meetingId, meeting.id),
					sql`not exists (select 1 from ${hypothesis} where ${hypothesis.childId} = ${meetingDiscussion.childId}
						and (${hypothesis.meetingId} = ${meeting.id} or ${hypothesis.stateMeetingId} = ${meeting.id}
							or ${hypothesis.state} = 'open'))`
				)
			);
		if (missing.length)
			throw new FieldError({ _form: m.meeting_error_hypothesis({ count: missing.length }) });
		await tx
			.update(teamMeeting)
			.set({
				state: 'closed',
				closedAt: now,
				closedBy: who.actor.userId,
				version: nextVersion(teamMeeting),
				updatedAt: now
			})
			.where(eq(teamMeeting.id, meeting.id));
		return 'closed' as const;
	});
}

/**
 * A write about one child in an open meeting: the meeting locked, the child on its agenda
 * (else 404, logged), and the child marked as discussed.
 */
async function openFor(tx: Tx, who: TeamContext, meetingId: string, childId: string) {
	const meeting = await meetingOf(tx, who, meetingId, { lock: true });
	assertEditable(meeting, 'open');
	const [item] = await tx
		.select({ id: agendaItem.id })
		.from(agendaItem)
		.where(
			and(
				eq(agendaItem.meetingId, meeting.id),
				eq(agendaItem.childId, childId),
				isNull(agendaItem.removedAt)
			)
		);
	if (!item) {
		throw deny({ action: 'write', entityType: 'meeting_discussion', childId });
	}
	const [discussion] = await tx
		.insert(meetingDiscussion)
		.values({ meetingId: meeting.id, childId, recordedBy: who.actor.userId })
		.onConflictDoNothing()
		.returning();
	return {
		meeting,
		discussion:
			discussion ??
			(
				await tx
					.select()
					.from(meetingDiscussion)
					.where(
						and(eq(meetingDiscussion.meetingId, meeting.id), eq(meetingDiscussion.childId, childId))
					)
			)[0]!
	};
}

function assertRecords(who: TeamContext) {
	if (!can(who.actor.role, 'runMeeting')) throw new ForbiddenError();
}

/** Family present (who) and who tells the family and how: the note-taker's record. */
export async function saveDiscussion(
	db: DbOrTx,
	viewer: StaffContext,
	meetingId: string,
	childId: string,
	input: { version: number | null; familyPresent: boolean; familyWho: string; tellsFamily: string }
) {
	const who = teamContextOf(viewer);
	assertRecords(who);
	return meetingTx(db, who, async (tx) => {
		const { discussion } = await openFor(tx, who, meetingId, childId);
		const version = input.version ?? discussion.version;
		await updateVersioned(tx, meetingDiscussion, discussion.id, version, {
			familyPresent: input.familyPresent,
			familyWho: input.familyPresent ? input.familyWho : '',
			tellsFamily: input.tellsFamily,
			recordedBy: who.actor.userId
		});
		await logOne(tx, who, 'meeting_discussion', discussion.id, childId);
	});
}

/** The family therapist's reflection: the family therapist's own words, no one else's. */
export async function saveReflection(
	db: DbOrTx,
	viewer: StaffContext,
	meetingId: string,
	childId: string,
	input: { version: number | null; reflection: string }
) {
	const who = teamContextOf(viewer);
	if (!can(who.actor.role, 'writeReflection')) throw new ForbiddenError();
	return meetingTx(db, who, async (tx) => {
		const { discussion } = await openFor(tx, who, meetingId, childId);
		await updateVersioned(
			tx,
			meetingDiscussion,
			discussion.id,
			input.version ?? discussion.version,
			{
				reflection: input.reflection,
				reflectionBy: who.actor.userId
			}
		);
		await logOne(tx, who, 'meeting_discussion', discussion.id, childId);
	});
}

/** A new hypothesis about the child, a short statement the family could read. */
export async function addHypothesis(
	db: DbOrTx,
	viewer: StaffContext,
	meetingId: string,
	childId: string,
	input: { statement: string }
) {
	const who = teamContextOf(viewer);
	assertRecords(who);
	return meetingTx(db, who, async (tx) => {
		const { meeting } = await openFor(tx, who, meetingId, childId);
		const [row] = await tx
			.insert(hypothesis)
			.values({
				childId,
				meetingId: meeting.id,
				statement: input.statement,
				createdBy: who.actor.userId
			})
			.returning({ id: hypothesis.id });
		await logOne(tx, who, 'hypothesis', row!.id, childId);
		return row!.id;
	});
}

/** An earlier hypothesis found supported or set aside, with a word why; or opened again. */
export async function settleHypothesis(
	db: DbOrTx,
	viewer: StaffContext,
	meetingId: string,
	childId: string,
	input: { hypothesisId: string; version: number; state: HypothesisState; note: string }
) {
	const who = teamContextOf(viewer);
	assertRecords(who);
	return meetingTx(db, who, async (tx) => {
		const { meeting } = await openFor(tx, who, meetingId, childId);
		const h = await lockForEdit(
			tx,
			hypothesis,
			and(eq(hypothesis.id, input.hypothesisId), eq(hypothesis.childId, childId)),
			input.version
		);
		if (input.state !== 'open' && !input.note.trim())
			throw new FieldError({ note: m.meeting_error_why() });
		await updateVersioned(tx, hypothesis, h.id, h.version, {
			state: input.state,
			stateNote: input.note.trim() || null,
			stateMeetingId: meeting.id
		});
		await logOne(tx, who, 'hypothesis', h.id, childId);
	});
}

/** The child's steps from earlier meetings not yet marked done or not done. */
async function unsettledSteps(tx: DbOrTx, meetingId: string, childId: string) {
	return tx
		.select({ id: meetingStep.id, outcome: meetingStep.outcome })
		.from(meetingStep)
		.where(
			and(
				eq(meetingStep.childId, childId),
				sql`${meetingStep.meetingId} <> ${meetingId}`,
				isNull(meetingStep.outcome)
			)
		);
}

/**
 * A next small step: what, who (a team member), by when, optionally tied to a hypothesis.
 * Refused while an earlier step of the child has no outcome: those come first (§7).
 */
export async function addStep(
	db: DbOrTx,
	viewer: StaffContext,
	meetingId: string,
	childId: string,
	input: { what: string; ownerId: string; dueOn: string; hypothesisId: string | null },
	now = new Date()
) {
	const who = teamContextOf(viewer);
	assertRecords(who);
	return meetingTx(db, who, async (tx) => {
		const { meeting } = await openFor(tx, who, meetingId, childId);
		if (mustSettleFirst(await unsettledSteps(tx, meeting.id, childId)))
			throw new FieldError({ what: m.meeting_error_settle_first() });
		const errors: Record<string, string> = {};
		const [owner] = await tx
			.select({ id: membership.userId })
			.from(membership)
			.where(and(eq(membership.teamId, who.teamId), eq(membership.userId, input.ownerId)));
		if (!owner) errors.ownerId = m.meeting_error_not_member();
		if (input.dueOn < helsinkiDate(now)) errors.dueOn = m.meeting_error_due_past();
		if (input.hypothesisId) {
			const [h] = await tx
				.select({ id: hypothesis.id })
				.from(hypothesis)
				.where(and(eq(hypothesis.id, input.hypothesisId), eq(hypothesis.childId, childId)));
			if (!h) errors.hypothesisId = m.meeting_error_hypothesis_unknown();
		}
		if (Object.keys(errors).length) throw new FieldError(errors);
		const [row] = await tx
			.insert(meetingStep)
			.values({
				childId,
				meetingId: meeting.id,
				hypothesisId: input.hypothesisId,
				what: input.what,
				ownerId: input.ownerId,
				dueOn: input.dueOn,
				createdBy: who.actor.userId
			})
			.returning({ id: meetingStep.id });
		await logOne(tx, who, 'meeting_step', row!.id, childId);
		return row!.id;
	});
}

/** An earlier step marked done or not done in this meeting; "not done" needs a word why. */
export async function settleStep(
	db: DbOrTx,
	viewer: StaffContext,
	meetingId: string,
	childId: string,
	input: { stepId: string; version: number; outcome: StepOutcome; note: string },
	now = new Date()
) {
	const who = teamContextOf(viewer);
	assertRecords(who);
	return meetingTx(db, who, async (tx) => {
		const { meeting } = await openFor(tx, who, meetingId, childId);
		const step = await lockForEdit(
			tx,
			meetingStep,
			and(eq(meetingStep.id, input.stepId), eq(meetingStep.childId, childId)),
			input.version
		);
		if (input.outcome === 'not_done' && !input.note.trim())
			throw new FieldError({ note: m.meeting_error_why() });
		await updateVersioned(tx, meetingStep, step.id, step.version, {
			outcome: input.outcome,
			outcomeNote: input.note.trim() || null,
			outcomeMeetingId: meeting.id,
			outcomeBy: who.actor.userId,
			outcomeAt: now
		});
		await logOne(tx, who, 'meeting_step', step.id, childId);
	});
}

/** A correction to a closed meeting: appended, never an edit. */
export async function addAddendum(
	db: DbOrTx,
	viewer: StaffContext,
	meetingId: string,
	input: { text: string; childId: string | null }
) {
	const who = teamContextOf(viewer);
	assertRecords(who);
	return meetingTx(db, who, async (tx) => {
		const meeting: Meeting = await meetingOf(tx, who, meetingId, { lock: true });
		if (meeting.state !== 'closed') throw new FieldError({ text: m.meeting_error_state() });
		if (input.childId) {
			const [item] = await tx
				.select({ id: agendaItem.id })
				.from(agendaItem)
				.where(and(eq(agendaItem.meetingId, meeting.id), eq(agendaItem.childId, input.childId)));
			if (!item) throw new FieldError({ childId: m.meeting_error_hypothesis_unknown() });
		}
		const [row] = await tx
			.insert(meetingAddendum)
			.values({
				meetingId: meeting.id,
				childId: input.childId,
				text: input.text,
				authorId: who.actor.userId
			})
			.returning({ id: meetingAddendum.id });
		if (input.childId) await logOne(tx, who, 'meeting_addendum', row!.id, input.childId);
		return row!.id;
	});
}

/**
 * One child in the meeting, for the screen the team works on: the discussion, the child's
 * hypotheses (open ones and those settled here), the steps carried over first, then this
 * meeting's. A fixed number of queries; a logged read.
 */
export async function discussionView(
	db: DbOrTx,
	viewer: StaffContext,
	meetingId: string,
	childId: string
) {
	const who = teamContextOf(viewer);
	return meetingTx(db, who, async (tx) => {
		const meeting = await meetingOf(tx, who, meetingId);
		const [item] = await tx
			.select()
			.from(agendaItem)
			.where(and(eq(agendaItem.meetingId, meeting.id), eq(agendaItem.childId, childId)));
		if (!item) {
			throw deny({ action: 'read', entityType: 'meeting_discussion', childId });
		}
		const [discussion] = await tx
			.select()
			.from(meetingDiscussion)
			.where(
				and(eq(meetingDiscussion.meetingId, meeting.id), eq(meetingDiscussion.childId, childId))
			);
		const hypotheses = await tx
			.select()
			.from(hypothesis)
			.where(
				and(
					eq(hypothesis.childId, childId),
					or(
						eq(hypothesis.state, 'open'),
						eq(hypothesis.meetingId, meeting.id),
						eq(hypothesis.stateMeetingId, meeting.id)
					)
				)
			)
			.orderBy(asc(hypothesis.createdAt));
		const steps = await tx
			.select()
			.from(meetingStep)
			.where(
				and(
					eq(meetingStep.childId, childId),
					or(
						eq(meetingStep.meetingId, meeting.id),
						eq(meetingStep.outcomeMeetingId, meeting.id),
						and(isNull(meetingStep.outcome), sql`${meetingStep.meetingId} <> ${meeting.id}`)
					)
				)
			)
			.orderBy(asc(meetingStep.dueOn), asc(meetingStep.createdAt));
		const carried = steps.filter((s) => s.meetingId !== meeting.id);
		const entries = [
			{ entityType: 'meeting_discussion', ids: discussion ? [discussion.id] : [] },
			{ entityType: 'hypothesis', ids: hypotheses.map((h) => h.id) },
			{ entityType: 'meeting_step', ids: steps.map((s) => s.id) }
		];
		await logListed(
			tx,
			entries.flatMap((e) =>
				e.ids.map((id) => ({
					actor: who.actor,
					basis: 'team',
					entityType: e.entityType,
					entityId: id,
					childId
				}))
			),
			'read'
		);
		return {
			meeting,
			item,
			discussion: discussion ?? null,
			hypotheses,
			carried,
			steps: steps.filter((s) => s.meetingId === meeting.id),
			mustSettleFirst: mustSettleFirst(carried)
		};
	});
}

/** A closed meeting's addenda, oldest first, with who wrote them; logged for their children. */
export async function meetingAddenda(db: DbOrTx, viewer: StaffContext, meetingId: string) {
	const who = teamContextOf(viewer);
	return meetingTx(db, who, async (tx) => {
		const meeting = await meetingOf(tx, who, meetingId);
		const rows = await tx
			.select({
				id: meetingAddendum.id,
				childId: meetingAddendum.childId,
				text: meetingAddendum.text,
				authorName: user.displayName,
				createdAt: meetingAddendum.createdAt
			})
			.from(meetingAddendum)
			.innerJoin(user, eq(user.id, meetingAddendum.authorId))
			.where(eq(meetingAddendum.meetingId, meeting.id))
			.orderBy(asc(meetingAddendum.createdAt));
		await logListed(
			tx,
			rows.flatMap((r) =>
				r.childId
					? [
							{
								actor: who.actor,
								basis: 'team',
								entityType: 'meeting_addendum',
								entityId: r.id,
								childId: r.childId
							}
						]
					: []
			),
			'read'
		);
		return rows;
	});
}
