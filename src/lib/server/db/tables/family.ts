/**
 * The family's own part (docs/domain.md §11, issue 36): the child's guardians as the team
 * records them. A guardian's identity code is what a Suomi.fi sign-in will be matched
 * against; a guardian who no longer has custody is ended, never deleted (who was a
 * guardian when stays known).
 */
import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	index,
	jsonb,
	pgTable,
	smallint,
	text,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import type { OwnAnswers } from '../../../domain/own-view';
import type { FamilyBasis } from '../../../domain/family';
import { created, editable, ts, id, pendingSignIn, ref } from './columns';
import { locale } from './enums';
import { child } from './children';
import { user } from './identity';
import { teamMeeting } from './meetings';
import { clientPlan } from './path';

export const guardian = pgTable(
	'guardian',
	{
		id: id(),
		childId: ref(() => child.id),
		name: text().notNull(),
		/** Normalised and checked (hetu.ts); shown masked unless asked for. */
		identityCode: text().notNull(),
		/** The language the family's pages and printouts use for this guardian. */
		locale: locale().notNull().default('fi'),
		createdBy: ref(() => user.id),
		endedAt: ts(),
		endedBy: uuid().references(() => user.id),
		/**
		 * The team restricted this guardian's access to the family's pages (§11: when the
		 * child's interest requires): why, and when the team looks at it again. Lifting it
		 * clears all four; each change is in the access log.
		 */
		restrictionReason: text(),
		restrictionReviewOn: date({ mode: 'string' }),
		restrictedBy: uuid().references(() => user.id),
		restrictedAt: ts(),
		/** The review date the team was reminded of (the worker's reminder, sent once). */
		restrictionRemindedOn: date({ mode: 'string' }),
		...editable()
	},
	(t) => [
		index('guardian_child_idx').on(t.childId),
		index('guardian_created_by_idx').on(t.createdBy),
		index('guardian_ended_by_idx').on(t.endedBy),
		index('guardian_restricted_by_idx').on(t.restrictedBy),
		// One current record of a person per child; an ended one may be recorded again.
		uniqueIndex('guardian_child_code_current_uq')
			.on(t.childId, t.identityCode)
			.where(sql`${t.endedAt} IS NULL`),
		index('guardian_code_idx').on(t.identityCode),
		check('guardian_ended_with_whom', sql`(${t.endedAt} IS NULL) = (${t.endedBy} IS NULL)`),
		check(
			'guardian_restriction_whole',
			sql`(${t.restrictionReason} IS NULL) = (${t.restrictionReviewOn} IS NULL) AND (${t.restrictionReason} IS NULL) = (${t.restrictedBy} IS NULL) AND (${t.restrictionReason} IS NULL) = (${t.restrictedAt} IS NULL)`
		)
	]
);

/**
 * A family member or young person who has signed in with Suomi.fi (DOMAIN §12): keyed by
 * the national identity code, which Suomi.fi's strong identification vouches for. What
 * they may see is decided on every request from the guardians and children recorded now,
 * never stored here (a guardian whose custody ended sees nothing from the next request).
 */
export const familyPerson = pgTable('family_person', {
	id: id(),
	/** Normalised and checked (hetu.ts); never in a URL, a log line or a message. */
	identityCode: text().notNull().unique('family_person_code_uq'),
	/** The name Suomi.fi gave at the last sign-in (shown to the person only). */
	name: text(),
	lastSignInAt: ts().notNull(),
	...created()
});

/**
 * A family member's session: shorter than a staff member's (15 minutes idle, 2 hours in
 * all), and its own cookie, so it never opens a staff page. `reidentifiedAt`: the last
 * strong identification, which reading "who has read our data" asks to be recent.
 */
export const familySession = pgTable(
	'family_session',
	{
		// SHA-256 (hex) of the token; the token itself is never stored.
		id: text().primaryKey(),
		personId: ref(() => familyPerson.id),
		expiresAt: ts().notNull(),
		absoluteExpiresAt: ts().notNull(),
		reidentifiedAt: ts().notNull(),
		...created()
	},
	(t) => [
		index('family_session_person_idx').on(t.personId),
		index('family_session_expires_idx').on(t.expiresAt)
	]
);

/**
 * A Suomi.fi sign-in between the redirect and the answer, as `provider_sign_in` is for
 * staff: the browser holds a random handle, this row the `state`, `nonce` and PKCE
 * verifier. `reidentify`: a signed-in family member identifying again (`personId`).
 */
export const familySignIn = pgTable(
	'family_sign_in',
	{
		// SHA-256 (hex) of the handle.
		id: text().primaryKey(),
		purpose: text().notNull(),
		personId: uuid().references(() => familyPerson.id),
		...pendingSignIn()
	},
	(t) => [
		check('family_sign_in_purpose', sql`${t.purpose} IN ('sign_in', 'reidentify')`),
		index('family_sign_in_expires_idx').on(t.expiresAt),
		index('family_sign_in_person_idx').on(t.personId)
	]
);

/**
 * "What we want the team to know" (§11): a family member's own words before a meeting,
 * stored as theirs and never edited (append-only: the app role may not update or delete).
 * The team sees them on the meeting's child screen and the child page, marked as the
 * family's words; the family sees only their own.
 */
export const familyNote = pgTable(
	'family_note',
	{
		id: id(),
		childId: ref(() => child.id),
		personId: ref(() => familyPerson.id),
		/** As whom they wrote: a guardian, or the young person themself. */
		basis: text().$type<FamilyBasis>().notNull(),
		text: text().notNull(),
		/** A reply to what this meeting agreed (§11), shown at the child's next discussion. */
		meetingId: uuid().references(() => teamMeeting.id),
		...created()
	},
	(t) => [
		index('family_note_child_idx').on(t.childId, t.createdAt),
		index('family_note_person_idx').on(t.personId),
		index('family_note_meeting_idx').on(t.meetingId),
		check('family_note_basis', sql`${t.basis} IN ('guardian', 'own_data')`),
		check('family_note_text', sql`length(${t.text}) BETWEEN 1 AND 2000`)
	]
);

/**
 * The young person's own view of the seven domains (§11): one answer per domain on the
 * 0–3 worry scale, or null for "I don't want to answer". Append-only: a new view is a new
 * row, and the newest counts; the young person's words are never edited.
 */
export const ownView = pgTable(
	'own_view',
	{
		id: id(),
		childId: ref(() => child.id),
		personId: ref(() => familyPerson.id),
		version: text().notNull(),
		answers: jsonb().$type<OwnAnswers>().notNull(),
		...created()
	},
	(t) => [
		index('own_view_child_idx').on(t.childId, t.createdAt),
		index('own_view_person_idx').on(t.personId),
		check('own_view_answers', sql`jsonb_typeof(${t.answers}) = 'object'`)
	]
);

/**
 * The family's two questions after a team meeting that discussed the child or a client plan
 * (§11): "were you heard", "is the plan clear", 1–5. One answer per person and meeting or
 * plan, append-only; the team sees them only as the reports' monthly family-level result.
 */
export const familyFeedback = pgTable(
	'family_feedback',
	{
		id: id(),
		childId: ref(() => child.id),
		personId: ref(() => familyPerson.id),
		basis: text().$type<FamilyBasis>().notNull(),
		meetingId: uuid().references(() => teamMeeting.id),
		clientPlanId: uuid().references(() => clientPlan.id),
		heard: smallint().notNull(),
		clear: smallint().notNull(),
		...created()
	},
	(t) => [
		index('family_feedback_child_idx').on(t.childId),
		uniqueIndex('family_feedback_meeting_uq').on(t.personId, t.meetingId, t.childId),
		uniqueIndex('family_feedback_plan_uq').on(t.personId, t.clientPlanId),
		index('family_feedback_meeting_idx').on(t.meetingId),
		index('family_feedback_plan_idx').on(t.clientPlanId),
		check('family_feedback_basis', sql`${t.basis} IN ('guardian', 'own_data')`),
		check(
			'family_feedback_one_subject',
			sql`(${t.meetingId} IS NULL) <> (${t.clientPlanId} IS NULL)`
		),
		check('family_feedback_scores', sql`${t.heard} BETWEEN 1 AND 5 AND ${t.clear} BETWEEN 1 AND 5`)
	]
);

/**
 * A young person's request, from 15, that their own words are not shown to their
 * guardians (§11, Act 812/2000 § 11). Append-only: each change is a new row, the newest
 * counts, and who asked when stays known.
 */
export const ownWordsPrivacy = pgTable(
	'own_words_privacy',
	{
		id: id(),
		childId: ref(() => child.id),
		personId: ref(() => familyPerson.id),
		private: boolean().notNull(),
		...created()
	},
	(t) => [
		index('own_words_privacy_child_idx').on(t.childId, t.createdAt),
		index('own_words_privacy_person_idx').on(t.personId)
	]
);
