/**
 * Flags raised by status changes, and their triage (flags).
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, id, ref } from './columns';
import { flagTrigger, flagStatus, workflowKind } from './enums';
import { child } from './children';
import { user } from './identity';

/** A prompt to act (docs/domain.md §6), raised with the status change that caused it. */
export const flag = pgTable(
	'flag',
	{
		id: id(),
		childId: ref(() => child.id),
		trigger: flagTrigger().notNull(),
		suggestedWorkflow: workflowKind().notNull(),
		status: flagStatus().notNull().default('open'),
		raisedAt: ts().notNull(),
		/** The last working day for triage, in Finnish dates. */
		dueOn: date({ mode: 'string' }).notNull(),
		decidedWorkflow: workflowKind(),
		dismissReason: text(),
		triagedBy: uuid().references(() => user.id),
		triagedAt: ts(),
		intensiveId: uuid(),
		consultationId: uuid(),
		overdueNotifiedAt: ts(),
		version: integer().notNull().default(1)
	},
	(t) => [
		// No duplicate open flag for the same child and trigger.
		uniqueIndex('flag_open_uq')
			.on(t.childId, t.trigger)
			.where(sql`${t.status} = 'open'`),
		index('flag_status_due_idx').on(t.status, t.dueOn),
		// A child's flags of every state (the partial index above holds only open ones).
		index('flag_child_idx').on(t.childId, t.raisedAt)
	]
);
