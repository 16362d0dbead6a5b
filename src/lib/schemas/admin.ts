import { z } from 'zod';
import { LOCALES, ORGANISATION_KINDS, ROLES } from '../domain/roles';
import { m } from '../paraglide/messages';
import { choice, optionalText, required, text, uuidOrEmpty, version } from './common';

export const organisationSchema = z.object({
	name: text(200, 2),
	kind: choice(ORGANISATION_KINDS),
	municipality: optionalText(100),
	// A number a person dials: digits, spaces, +, - and parentheses.
	emergencyPhone: optionalText(40).refine((v) => !v || /^\+?[0-9 ()-]{3,40}$/.test(v), {
		error: () => m.error_phone()
	}),
	/** Days to the first client plan (30 §: without delay), as typed: whole days 1–90. */
	firstClientPlanDays: z
		.string()
		.trim()
		.refine((v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 90, {
			error: () => m.error_first_plan_days()
		})
		.default('30'),
	/** How its people sign in (DOMAIN §12): password or provider, or the provider only. */
	signIn: z.enum(['password_or_provider', 'provider_only']).default('password_or_provider')
});
export const organisationEditSchema = organisationSchema.extend({ version });

export const teamSchema = z.object({
	organisationId: z.uuid({ error: () => m.error_choose_organisation() }),
	name: text(200, 2)
});
export const teamEditSchema = z.object({ name: text(200, 2), version });

export const userSchema = z.object({
	email: z
		.string({ error: required })
		.trim()
		.toLowerCase()
		.min(1, { error: required })
		.max(254, { error: () => m.error_too_long({ max: 254 }) })
		.pipe(z.email({ error: () => m.error_email_invalid() })),
	displayName: text(200),
	preferredLocale: z.enum(LOCALES, { error: () => m.error_choose_option() }).default('fi')
});
export const userEditSchema = userSchema.extend({ version });

export const membershipSchema = z.object({
	organisationId: z.uuid({ error: () => m.error_choose_organisation() }),
	teamId: uuidOrEmpty,
	role: choice(ROLES)
});
