import { z } from 'zod';
import { m } from '../paraglide/messages';
import {
	choice,
	isoDate,
	optionalDate,
	optionalParagraph,
	optionalText,
	paragraph,
	text,
	uuidOrEmpty,
	version
} from './common';

export { isoDate, optionalDate } from './common';

export const childSchema = z.object({
	givenName: text(100),
	familyName: text(100),
	dateOfBirth: isoDate,
	personalIdentityCode: optionalText(11),
	homeMunicipality: text(100),
	responsibleWorkerId: uuidOrEmpty,
	secondWorkerId: uuidOrEmpty,
	caseloadReason: optionalParagraph(1000)
});
export const childEditSchema = childSchema.extend({ version });

export const searchSchema = z.object({ query: text(100, 2) });

export const grantSchema = z.object({
	organisationId: z.uuid({ error: () => m.error_choose_partner() }),
	// A notification gives no access (§3): the team's form offers consent and the 41 § request.
	basis: choice(['consent', 'statutory_request'] as const),
	consentGivenBy: optionalText(200),
	consentGivenOn: optionalDate,
	validFrom: isoDate,
	validUntil: optionalDate,
	/** A 41 § request: what is asked, and by when. */
	requestMessage: optionalParagraph(2000),
	dueOn: optionalDate
});

export const placementSchema = z.object({
	unitOrganisationId: z.uuid({ error: () => m.error_choose_unit() }),
	since: isoDate,
	until: optionalDate
});

export const requestSchema = z.object({
	organisationId: z.uuid({ error: () => m.error_choose_partner() }),
	message: paragraph(2000),
	dueDate: isoDate
});

export const idSchema = z.object({ id: z.uuid() });
export const endPlacementSchema = z.object({ id: z.uuid(), until: isoDate });

/** A partner's answer to a 41 § information request, in its own words. */
export const answerSchema = z.object({ body: paragraph(8000) });
