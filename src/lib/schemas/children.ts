import { z } from 'zod';
import { GRANT_BASES } from '../domain/access';
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
	basis: choice(
		GRANT_BASES.filter((b) => b !== 'placement' && b !== 'workflow') as [
			'consent',
			'statutory_request',
			'notification'
		]
	),
	consentGivenBy: optionalText(200),
	consentGivenOn: optionalDate,
	validFrom: isoDate,
	validUntil: optionalDate
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
