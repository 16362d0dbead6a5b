import { z } from 'zod';
import { LOCALES } from '../domain/roles';
import { choice, isoDate, paragraph, text, version } from './common';

/** A guardian recorded on the child (docs/domain.md §11); the code is checked by the service. */
export const guardianSchema = z.object({
	name: text(200, 2),
	identityCode: text(20, 10),
	locale: choice(LOCALES)
});

/** Ending a guardian's record, from the version the page showed. */
export const endGuardianSchema = z.object({
	guardianId: z.uuid(),
	version
});

/**
 * Restricting a guardian's access to the family's pages (§11): which guardian, why and when
 * the team looks at it again. The review date's bounds are the service's.
 */
export const restrictGuardianSchema = z.object({
	guardianId: z.uuid(),
	reason: paragraph(2000),
	reviewOn: isoDate
});

/** Lifting a restriction, from the version the page showed. */
export const liftRestrictionSchema = endGuardianSchema;

/** "What we want the team to know" (§11): a family member's words to the team. */
export const familyNoteSchema = z.object({ text: paragraph(2000) });

/** One answer of the young person's own view (§11): 0–3, or "I don't want to answer". */
const ownAnswer = choice(['0', '1', '2', '3', 'skip']);

/** The young person's own view: one answer per domain, each required (skipping is a choice). */
export const ownViewSchema = z.object({
	S: ownAnswer,
	H: ownAnswer,
	E: ownAnswer,
	L: ownAnswer,
	R: ownAnswer,
	P: ownAnswer,
	F: ownAnswer
});

const score = choice(['1', '2', '3', '4', '5']);

/** The family's two questions after a meeting or a plan (§11): which one, and 1–5 each. */
export const feedbackSchema = z.object({
	kind: z.enum(['meeting', 'client_plan']),
	subjectId: z.uuid(),
	heard: score,
	clear: score
});

/** A young person's request (15+) that their words are kept from their guardians, or not. */
export const privacySchema = z.object({ private: z.enum(['yes', 'no']) });

/** A reply to what the last meeting agreed (§11): which meeting, and the family's words. */
export const meetingReplySchema = z.object({ meetingId: z.uuid(), text: paragraph(2000) });
