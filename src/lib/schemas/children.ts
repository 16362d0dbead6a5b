import { z } from 'zod';
import { GRANT_BASES } from '../domain/access';
import { m } from '../paraglide/messages';
import { choice, optionalText, text, uuidOrEmpty, version } from './common';

export const isoDate = z
	.string({ error: () => m.error_date_invalid() })
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => m.error_date_invalid() })
	.refine((v) => !Number.isNaN(Date.parse(v)), { error: () => m.error_date_invalid() });
export const optionalDate = z.union([z.literal(''), isoDate]).default('');

export const childSchema = z.object({
	givenName: text(100),
	familyName: text(100),
	dateOfBirth: isoDate,
	personalIdentityCode: optionalText(11),
	homeMunicipality: text(100),
	responsibleWorkerId: uuidOrEmpty
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
	message: text(2000),
	dueDate: isoDate
});

export const idSchema = z.object({ id: z.uuid() });
export const endPlacementSchema = z.object({ id: z.uuid(), until: isoDate });
