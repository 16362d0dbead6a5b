/**
 * The stored traffic light and its history (status).
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	date,
	foreignKey,
	index,
	integer,
	jsonb,
	pgTable,
	smallint,
	text,
	uuid
} from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { trafficColour } from './enums';
import { child } from './children';
import { user } from './identity';

/**
 * The child's current traffic light (docs/domain.md §5), kept in step with the assessments in the
 * same transaction. Only the clock-independent part is stored; staleness is derived on read.
 * A team override sits beside the computed colour, never in its place.
 */
export const childStatus = pgTable(
	'child_status',
	{
		childId: uuid()
			.primaryKey()
			.references(() => child.id),
		/**
		 * The child's team, copied so that a team's dashboard walks one index in its order
		 * (ADR 026); the (child, team) key below cascades a change of team.
		 */
		teamId: uuid().notNull(),
		colour: trafficColour().notNull(),
		domainColours: jsonb().notNull(),
		reasons: jsonb().notNull(),
		signals: jsonb().notNull(),
		rulesVersion: text().notNull(),
		newestAt: ts('newest_at'),
		computedAt: ts().notNull(),
		changedAt: ts().notNull(),
		overrideColour: trafficColour(),
		overrideReason: text(),
		overrideReviewOn: date({ mode: 'string' }),
		overrideBy: uuid().references(() => user.id),
		overrideAt: ts(),
		/** Combined P1 (substance use) rating, so a flag is raised when it first reaches 2. */
		substanceRating: integer(),
		/** The colour the team works with (its override, else the computed one) as a rank. */
		severity: smallint()
			.notNull()
			.generatedAlwaysAs(
				sql`case coalesce(override_colour, colour) when 'red' then 3 when 'yellow' then 2 when 'green' then 1 else 0 end`
			)
	},
	(t) => [
		index('child_status_colour_idx').on(t.colour, t.changedAt),
		foreignKey({
			columns: [t.childId, t.teamId],
			foreignColumns: [child.id, child.teamId]
		}).onUpdate('cascade'),
		index('child_status_team_order_idx').on(
			t.teamId,
			// Nulls first, as `order by … desc` sorts: else the planner cannot walk the index.
			t.severity.desc().nullsFirst(),
			t.changedAt.desc().nullsFirst(),
			t.childId
		)
	]
);

/** Every change of colour, so the team can follow the child's path over time. */
export const childStatusHistory = pgTable(
	'child_status_history',
	{
		id: uuid().primaryKey().defaultRandom(),
		/**
		 * Written under the child's lock, so it is the order in which the changes happened;
		 * `at` is the request's time and two concurrent requests may commit in either order.
		 */
		seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		fromColour: trafficColour(),
		toColour: trafficColour().notNull(),
		reasons: jsonb().notNull(),
		trigger: text().notNull(),
		at: ts().notNull()
	},
	// With `seq` and the colour: a child's colour at a moment is one index-only step back,
	// for every child of a region at once in the reports.
	(t) => [index('child_status_history_child_idx').on(t.childId, t.at, t.seq, t.toColour)]
);
