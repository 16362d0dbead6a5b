import { z } from 'zod';
import { MEETING_MINUTES_LIMITS } from '../domain/agenda-time';
import { HYPOTHESIS_STATES, ROTATION_DAYS_LIMITS, STEP_OUTCOMES } from '../domain/meeting';
import { m } from '../paraglide/messages';
import {
	boundedInt,
	choice,
	isoDate,
	localDateTime,
	optionalParagraph,
	optionalText,
	paragraph,
	text,
	uuidOrEmpty,
	version
} from './common';

/* The weekly team meeting's forms (§7). Texts are short: the family could read them. */

const id = z.uuid({ error: () => m.error_choose_option() });
const ids = z.array(id).default([]);
/** An edit's version, or 0 when the record is made by this very save. */
const versionOrNew = boundedInt(0).default(0);

export const prepareSchema = z.object({ startsAt: localDateTime });

/** A whole number in a text field (a number field would make 1e1 or 7.5 valid). */
const wholeIn = (limits: { min: number; max: number }, message: () => string) =>
	z
		.string()
		.trim()
		.refine((v) => /^\d{1,3}$/.test(v) && Number(v) >= limits.min && Number(v) <= limits.max, {
			error: message
		})
		.default('');

/** The team's meeting settings: the rotation interval (days) and the meeting's length. */
export const meetingSettingsSchema = z.object({
	rotationDays: wholeIn(ROTATION_DAYS_LIMITS, () => m.meeting_error_rotation(ROTATION_DAYS_LIMITS)),
	meetingMinutes: wholeIn(MEETING_MINUTES_LIMITS, () =>
		m.meeting_error_minutes(MEETING_MINUTES_LIMITS)
	),
	version
});

export const openSchema = z.object({
	facilitatorId: uuidOrEmpty,
	noteTakerId: uuidOrEmpty,
	presentUserIds: ids,
	version
});

export const closeSchema = z.object({ version });

export const addChildSchema = z.object({ childId: id, note: text(500) });
export const removeItemSchema = z.object({ itemId: id, version, reason: text(500) });
/** The family expected at a child's discussion, or no longer (§11). */
export const familyExpectedSchema = z.object({
	itemId: id,
	version,
	expected: z.enum(['yes', 'no'])
});
/**
 * The agenda's new order: `position.<item id>` = the number typed beside each child. Only
 * the numbers are read here; the feature checks the ids against the agenda.
 */
export const reorderSchema = z
	.record(z.string(), z.unknown())
	.transform((form) =>
		Object.entries(form).flatMap(([key, value]) => {
			const itemId = /^position\.(.+)$/.exec(key)?.[1];
			return itemId ? [{ itemId, position: value }] : [];
		})
	)
	.pipe(
		z
			.array(
				z.object({
					itemId: z.uuid(),
					position: z
						.string()
						.trim()
						.regex(/^\d{1,3}$/)
						.transform(Number)
				})
			)
			.min(1)
			.max(500)
	);

export const discussionSchema = z.object({
	familyPresent: choice(['yes', 'no']),
	familyWho: optionalText(500),
	tellsFamily: optionalParagraph(2000),
	version: versionOrNew
});

export const reflectionSchema = z.object({ reflection: paragraph(4000), version: versionOrNew });

export const hypothesisSchema = z.object({ statement: paragraph(1000) });

export const settleHypothesisSchema = z.object({
	hypothesisId: id,
	version,
	state: choice(HYPOTHESIS_STATES),
	note: optionalText(1000)
});

export const stepSchema = z.object({
	what: text(500),
	ownerId: id,
	dueOn: isoDate,
	hypothesisId: uuidOrEmpty
});

export const settleStepSchema = z.object({
	stepId: id,
	version,
	outcome: choice(STEP_OUTCOMES),
	note: optionalText(1000)
});

export const addendumSchema = z.object({ text: paragraph(4000), childId: uuidOrEmpty });
