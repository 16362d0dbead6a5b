/**
 * Children and their families (children, path).
 */
import { sql } from 'drizzle-orm';
import {
	boolean,
	date,
	index,
	pgTable,
	text,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { created, editable, id, ref } from './columns';
import { childPhase } from './enums';
import { team, user } from './identity';

/** Siblings linked as one family (docs/domain.md §11), always within one team. */
export const family = pgTable('family', {
	id: id(),
	teamId: ref(() => team.id),
	...created()
});

/** A child known to a team (docs/domain.md §3). Names and identity code never go into URLs. */
export const child = pgTable(
	'child',
	{
		id: id(),
		teamId: ref(() => team.id),
		responsibleWorkerId: uuid().references(() => user.id),
		/** A second worker of any team role (the seeds' "child's worker and parent's worker"). */
		secondWorkerId: uuid().references(() => user.id),
		/** Siblings share a family, so the team sees and discusses them together (§11). */
		familyId: uuid().references(() => family.id),
		/** Where the child is in child protection (§10); every change is a `phase_change`. */
		phase: childPhase().notNull().default('contact'),
		phaseSince: date({ mode: 'string' })
			.notNull()
			.default(sql`current_date`),
		givenName: text().notNull(),
		familyName: text().notNull(),
		dateOfBirth: date({ mode: 'string' }).notNull(),
		/**
		 * The child is not yet born (25 c §, a notification before birth): `dateOfBirth` holds
		 * the expected date until the team records the birth.
		 */
		birthExpected: boolean().notNull().default(false),
		personalIdentityCode: text(),
		homeMunicipality: text().notNull(),
		...editable()
	},
	(t) => [
		uniqueIndex('child_hetu_uq').on(t.personalIdentityCode),
		index('child_team_idx').on(t.teamId, t.familyName),
		index('child_worker_idx').on(t.responsibleWorkerId, t.phase),
		index('child_family_idx').on(t.familyId),
		// The target of child_status's (child, team) key, which keeps its team copy true.
		unique('child_id_team_uq').on(t.id, t.teamId)
	]
);

/** A child's name as every list shows it: select `...childName` beside the columns a list needs. */
export const childName = { givenName: child.givenName, familyName: child.familyName };
