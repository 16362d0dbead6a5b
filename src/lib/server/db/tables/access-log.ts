/**
 * The append-only access log (access-log/, ADR 026).
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { role, accessOutcome } from './enums';

/**
 * Append-only audit trail (docs/domain.md §9). Triggers in the migrations refuse UPDATE,
 * DELETE and TRUNCATE. No foreign keys: the log must outlive anything it mentions.
 */
export const accessLog = pgTable(
	'access_log',
	{
		/** Time-ordered (an identity), so new rows go to the end of every index. */
		id: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
		at: ts().notNull().defaultNow(),
		actorUserId: uuid(),
		actorOrganisationId: uuid(),
		actorRole: role(),
		action: text().notNull(),
		entityType: text().notNull(),
		entityId: text(),
		childId: uuid(),
		/**
		 * A list view is one row, not one per child (ADR 026): the children shown, and the
		 * entities shown in the same order (`entityIds[i]` is of `childIds[i]`). Several
		 * entities of one child (its page) keep `childId` and list `entityIds`.
		 */
		childIds: uuid().array(),
		entityIds: text().array(),
		basis: text(),
		outcome: accessOutcome().notNull(),
		requestId: text()
	},
	// Partitioned by month of `at` in the migration (drizzle cannot say so): see 0012.
	(t) => [
		primaryKey({ columns: [t.at, t.id] }),
		index('access_log_child_at_idx').on(t.childId, t.at),
		index('access_log_child_ids_idx').using('gin', t.childIds),
		index('access_log_actor_at_idx').on(t.actorUserId, t.at),
		check('access_log_action_nonempty', sql`length(${t.action}) > 0`)
	]
);
