/**
 * Forms already answered (ADR 052): a create posted twice (no JavaScript, a retry after a
 * lost answer, the back button) is answered the first time's way instead of creating again.
 */
import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { created } from './columns';

export const formSubmission = pgTable(
	'form_submission',
	{
		/**
		 * SHA-256 (hex) of who posted, to which action, the form's one-time key and every
		 * field as posted: nothing of the form is kept in clear, and only the same person's
		 * same post finds it again.
		 */
		digest: text().primaryKey(),
		/** Where the first post was sent after it saved: a path with ids, no personal data. */
		location: text().notNull(),
		...created()
	},
	// Retention deletes by age (ADR 046).
	(t) => [index('form_submission_created_idx').on(t.createdAt)]
);
