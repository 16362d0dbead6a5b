import { z } from 'zod';
import {
	CHILD_PHASES,
	CONTACT_DECISIONS,
	CONTACT_KINDS,
	NOTIFIER_KINDS,
	PLACEMENT_KINDS
} from '../domain/path';
import { LOCALES } from '../domain/roles';
import { m } from '../paraglide/messages';
import {
	choice,
	boundedInt,
	isoDate,
	optionalDate,
	optionalParagraph,
	optionalText,
	paragraph,
	text,
	uuidOrEmpty,
	version
} from './common';
import { SUMMARY_MAX } from './limits';

const urgentChoice = z
	.enum(['', 'yes', 'no'], { error: () => m.error_choose_option() })
	.default('');

/** A contact about a child the filer can see. Partners' date and kind are set by the app. */
export const contactSchema = z.object({
	kind: choice(CONTACT_KINDS),
	receivedOn: isoDate,
	notifierKind: choice(NOTIFIER_KINDS),
	summary: paragraph(SUMMARY_MAX),
	urgent: urgentChoice
});

/** A contact about a child named in the form. */
export const newChildContactSchema = contactSchema.extend({
	teamId: z.uuid({ error: () => m.error_choose_option() }),
	givenName: text(100),
	familyName: text(100),
	/** Born, or expected (25 c §): then `dateOfBirth` is the expected date of birth. */
	birth: z.enum(['born', 'expected'], { error: () => m.error_choose_option() }).default('born'),
	dateOfBirth: isoDate,
	personalIdentityCode: optionalText(11)
});

/** The birth of a child first recorded before it (25 c §): the date, and the code if known. */
export const birthSchema = z.object({
	bornOn: isoDate,
	personalIdentityCode: optionalText(11),
	version
});

export const urgencySchema = z.object({
	urgent: choice(['yes', 'no']),
	version
});

export const decisionSchema = z.object({
	decision: choice(CONTACT_DECISIONS),
	decidedOn: isoDate,
	reason: optionalParagraph(2000),
	responsibleWorkerId: uuidOrEmpty,
	caseloadReason: optionalParagraph(1000),
	version
});

export const phaseSchema = z.object({
	fromPhase: z.enum(CHILD_PHASES),
	to: choice(CHILD_PHASES),
	on: isoDate,
	reason: optionalParagraph(2000),
	placementKind: z
		.enum(['', ...PLACEMENT_KINDS], { error: () => m.error_choose_option() })
		.default(''),
	unitOrganisationId: uuidOrEmpty,
	placementPlace: optionalText(200),
	/** Needed when the child becomes the 31st client of its worker (13 b §). */
	caseloadReason: optionalParagraph(1000)
});

/** A client plan's version (30 §): what the family and the team agreed, in their words. */
export const clientPlanSchema = z.object({
	/** The version the form was filled from; 0 for the first plan. */
	basedOn: boundedInt(0),
	language: choice(LOCALES),
	madeOn: isoDate,
	situation: paragraph(4000),
	goals: paragraph(4000),
	services: paragraph(4000),
	childView: paragraph(4000),
	childHeardOn: optionalDate,
	parentsView: paragraph(4000),
	parentsHeardOn: optionalDate,
	participation: paragraph(2000),
	nextReviewOn: isoDate
});

export const siblingSchema = z.object({ siblingId: z.uuid() });

/** The summary's language: the family's, whatever the reader's own. */
export const summaryLocale = z.enum(LOCALES).catch('fi');

/** An emergency placement extended by a decision (38 § 2). */
export const extensionSchema = z.object({
	clockId: z.uuid(),
	version,
	decidedOn: isoDate,
	until: isoDate
});

/** A care-order application made (43 §): the emergency placement continues meanwhile. */
export const careOrderApplicationSchema = z.object({ clockId: z.uuid(), version, on: isoDate });

/** A change within the placement phase: to a care order, another kind or another place. */
export const placementChangeSchema = z.object({
	kind: choice(PLACEMENT_KINDS),
	on: isoDate,
	unitOrganisationId: uuidOrEmpty,
	placementPlace: optionalText(200),
	reason: optionalParagraph(2000)
});
