/**
 * The family's own part (docs/domain.md §11, issue 36): the child's guardians as the team
 * records them. A guardian's identity code is what a Suomi.fi sign-in will be matched
 * against; a guardian who no longer has custody is ended, never deleted (who was a
 * guardian when stays known).
 */
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editable, ts } from './columns';
import { locale } from './enums';
import { child } from './children';
import { user } from './identity';

export const guardian = pgTable(
	'guardian',
	{
		id: uuid().primaryKey().defaultRandom(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		name: text().notNull(),
		/** Normalised and checked (hetu.ts); shown masked unless asked for. */
		identityCode: text().notNull(),
		/** The language the family's pages and printouts use for this guardian. */
		locale: locale().notNull().default('fi'),
		createdBy: uuid()
			.notNull()
			.references(() => user.id),
		endedAt: ts(),
		endedBy: uuid().references(() => user.id),
		...editable()
	},
	(t) => [
		index('guardian_child_idx').on(t.childId),
		index('guardian_created_by_idx').on(t.createdBy),
		index('guardian_ended_by_idx').on(t.endedBy),
		// One current record of a person per child; an ended one may be recorded again.
		uniqueIndex('guardian_child_code_current_uq')
			.on(t.childId, t.identityCode)
			.where(sql`${t.endedAt} IS NULL`),
		index('guardian_code_idx').on(t.identityCode),
		check('guardian_ended_with_whom', sql`(${t.endedAt} IS NULL) = (${t.endedBy} IS NULL)`)
	]
);
