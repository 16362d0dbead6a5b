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
	primaryKey,
	smallint,
	text,
	uuid
} from 'drizzle-orm/pg-core';
import type { Colour, HistoryReason, Reason, Signal } from '../../../domain/traffic-light';
import { ts, id, ref } from './columns';
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
		// Typed as the rules make them. Read back, a jsonb's dates are ISO strings: whoever reads
		// a reason's or signal's `at` takes it through `new Date(…)` (formatDay, staleSignals).
		domainColours: jsonb().$type<Record<string, Colour>>().notNull(),
		reasons: jsonb().$type<Reason[]>().notNull(),
		signals: jsonb().$type<Signal[]>().notNull(),
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
		id: id(),
		/**
		 * Written under the child's lock, so it is the order in which the changes happened;
		 * `at` is the request's time and two concurrent requests may commit in either order.
		 */
		seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
		childId: ref(() => child.id),
		fromColour: trafficColour(),
		toColour: trafficColour().notNull(),
		reasons: jsonb().$type<HistoryReason[]>().notNull(),
		trigger: text().notNull(),
		at: ts().notNull()
	},
	// With `seq` and the colour: a child's colour at a moment is one index-only step back,
	// for every child of a region at once in the reports. By time: a period's changes (the
	// reports' overrides, the meeting's measures) without reading every year's history.
	(t) => [
		index('child_status_history_child_idx').on(t.childId, t.at, t.seq, t.toColour),
		index('child_status_history_at_idx').on(t.at)
	]
);

/**
 * Each child's colour at the end of a month (ADR 047): the `to_colour` of its last history
 * row before the month ended, kept once the month is over, so a region's colours by month
 * read one row per child and month instead of walking every child's history. Derived, so
 * nothing here is new information; append-only for the app role.
 */
export const childMonthColour = pgTable(
	'child_month_colour',
	{
		/** The month's last day (Helsinki). */
		monthEnd: date({ mode: 'string' }).notNull(),
		childId: ref(() => child.id),
		colour: trafficColour().notNull()
	},
	(t) => [primaryKey({ columns: [t.monthEnd, t.childId] })]
);

/** The month ends whose colours are kept: a month without a row here is read from the history. */
export const monthColourKept = pgTable('month_colour_kept', {
	monthEnd: date({ mode: 'string' }).primaryKey(),
	children: integer().notNull(),
	keptAt: ts().notNull().defaultNow()
});
