import { z } from 'zod';
import { INTENSIVE_OUTCOMES, URGENCIES, WORKFLOW_KINDS } from '../domain/workflows';
import { m } from '../paraglide/messages';
import {
	choice,
	isoDate,
	localDateTime,
	optionalParagraph,
	paragraph,
	text,
	uuidOrEmpty,
	version
} from './common';

export const triageSchema = z.object({
	decision: choice([...WORKFLOW_KINDS, 'dismiss'] as const),
	note: optionalParagraph(2000),
	version
});

export const consultationRequestSchema = z.object({
	question: paragraph(2000),
	urgency: choice(URGENCIES),
	background: optionalParagraph(4000)
});

/** A list of ids from checkboxes: every value must be a uuid. */
const ids = z.array(z.uuid({ error: () => m.error_choose_option() })).default([]);

export const scheduleSchema = z.object({
	// A datetime-local value in Finnish time, e.g. 2026-11-30T13:00.
	scheduledAt: localDateTime,
	place: text(500),
	participantOrganisationIds: ids,
	participantUserIds: ids.refine((v) => v.length > 0, {
		error: () => m.error_participants_required()
	}),
	version
});

export const recordSchema = z.object({
	hypotheses: z
		.array(optionalParagraph(2000))
		.default([])
		// Empty boxes are fine; at least one must be filled. The service drops the empty ones.
		.refine((v) => v.some((h) => h.length > 0), { error: () => m.error_hypothesis_required() }),
	recommendations: paragraph(4000),
	followUpOwnerId: z.uuid({ error: () => m.error_choose_option() }),
	followUpOn: isoDate,
	version
});

export const declineSchema = z.object({ reason: paragraph(2000), version });
export const versionOnlySchema = z.object({ version });

export const activateSchema = z.object({
	leadWorkerId: z.uuid({ error: () => m.error_choose_option() }),
	version
});
export const closeWorkflowSchema = z.object({
	outcome: choice(INTENSIVE_OUTCOMES),
	outcomeNote: optionalParagraph(2000),
	version
});
export const partnerSchema = z.object({
	organisationId: z.uuid({ error: () => m.error_choose_partner() }),
	version
});
export const stepSchema = z.object({
	what: text(500),
	who: text(200),
	/** A partner organisation taking part that owns the step; empty: the team's own. */
	ownerOrganisationId: uuidOrEmpty,
	dueOn: isoDate,
	version
});
export const stepDoneSchema = z.object({ stepId: z.uuid(), stepVersion: version, version });
export const entrySchema = z.object({
	kind: choice(['contact', 'review'] as const),
	on: isoDate,
	note: paragraph(4000),
	version
});
