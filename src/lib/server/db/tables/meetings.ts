/**
 * The weekly team meeting: agenda, discussions, hypotheses, steps, addenda (meetings).
 */
import { sql } from 'drizzle-orm';
import {
	boolean,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import type { AgendaReason } from '../../../domain/meeting';
import { created, editable, ts, id, ref } from './columns';
import { meetingState, hypothesisState, stepOutcome } from './enums';
import { child } from './children';
import { team, user } from './identity';

/**
 * The weekly systemic team meeting (§7): `planned → open → closed`. Closed, it is read-only
 * (a trigger refuses changes); a correction is an addendum.
 */
export const teamMeeting = pgTable(
	'team_meeting',
	{
		id: id(),
		teamId: ref(() => team.id),
		startsAt: ts().notNull(),
		state: meetingState().notNull().default('planned'),
		facilitatorId: uuid().references(() => user.id),
		noteTakerId: uuid().references(() => user.id),
		presentUserIds: uuid()
			.array()
			.notNull()
			.default(sql`'{}'::uuid[]`),
		preparedBy: ref(() => user.id),
		openedAt: ts(),
		closedAt: ts(),
		closedBy: uuid().references(() => user.id),
		...editable()
	},
	(t) => [index('team_meeting_team_idx').on(t.teamId, t.startsAt)]
);

/** A child on a meeting's agenda, why (`reasons`, domain/meeting) and where; removed with a reason. */
export const agendaItem = pgTable(
	'agenda_item',
	{
		id: id(),
		meetingId: ref(() => teamMeeting.id),
		childId: ref(() => child.id),
		position: integer().notNull(),
		reasons: jsonb().$type<AgendaReason[]>().notNull(),
		addedBy: uuid().references(() => user.id),
		/** The family is expected at this discussion (§11): they see its time on their pages. */
		familyExpected: boolean().notNull().default(false),
		removedReason: text(),
		removedBy: uuid().references(() => user.id),
		removedAt: ts(),
		...editable()
	},
	(t) => [
		uniqueIndex('agenda_item_meeting_child_uq').on(t.meetingId, t.childId),
		index('agenda_item_child_idx').on(t.childId)
	]
);

/** What the meeting recorded about one child: who of the family was there, who tells them. */
export const meetingDiscussion = pgTable(
	'meeting_discussion',
	{
		id: id(),
		meetingId: ref(() => teamMeeting.id),
		childId: ref(() => child.id),
		familyPresent: boolean().notNull().default(false),
		familyWho: text().notNull().default(''),
		/** The family therapist's reflection, written by the family therapist only. */
		reflection: text().notNull().default(''),
		reflectionBy: uuid().references(() => user.id),
		tellsFamily: text().notNull().default(''),
		recordedBy: ref(() => user.id),
		...editable()
	},
	(t) => [
		uniqueIndex('meeting_discussion_uq').on(t.meetingId, t.childId),
		index('meeting_discussion_child_idx').on(t.childId, t.createdAt)
	]
);

/** A hypothesis lives on with the child across meetings: open, supported or set aside. */
export const hypothesis = pgTable(
	'hypothesis',
	{
		id: id(),
		childId: ref(() => child.id),
		meetingId: ref(() => teamMeeting.id),
		statement: text().notNull(),
		state: hypothesisState().notNull().default('open'),
		stateNote: text(),
		stateMeetingId: uuid().references(() => teamMeeting.id),
		createdBy: ref(() => user.id),
		...editable()
	},
	(t) => [index('hypothesis_child_idx').on(t.childId, t.createdAt)]
);

/** A next small step: what, who, by when; marked done or not done in a later meeting. */
export const meetingStep = pgTable(
	'meeting_step',
	{
		id: id(),
		childId: ref(() => child.id),
		meetingId: ref(() => teamMeeting.id),
		hypothesisId: uuid().references(() => hypothesis.id),
		what: text().notNull(),
		ownerId: ref(() => user.id),
		dueOn: date({ mode: 'string' }).notNull(),
		outcome: stepOutcome(),
		outcomeNote: text(),
		outcomeMeetingId: uuid().references(() => teamMeeting.id),
		outcomeBy: uuid().references(() => user.id),
		outcomeAt: ts(),
		createdBy: ref(() => user.id),
		...editable()
	},
	(t) => [
		index('meeting_step_child_idx').on(t.childId, t.dueOn),
		// A worker's own steps, due first (the open ones: `outcome is null` on top of it).
		index('meeting_step_owner_idx').on(t.ownerId, t.dueOn),
		// The measures count a meeting's steps.
		index('meeting_step_meeting_idx').on(t.meetingId)
	]
);

/** A correction to a closed meeting, written after it: appended, never edited. */
export const meetingAddendum = pgTable(
	'meeting_addendum',
	{
		id: id(),
		meetingId: ref(() => teamMeeting.id),
		childId: uuid().references(() => child.id),
		text: text().notNull(),
		authorId: ref(() => user.id),
		...created()
	},
	(t) => [index('meeting_addendum_meeting_idx').on(t.meetingId)]
);
