import type { organisationSchema, userSchema } from '$lib/schemas/admin';
import type { FormLabels } from '$lib/server/http/forms';

/*
 * The labels of the admin forms that a new record and its edit share (OrganisationForm,
 * UserDetailsForm), by message key: both pages' forms name them from here. In the order of
 * the fields, which the error summary lists them in.
 */

export const organisationLabels = {
	name: 'organisation_name',
	kind: 'organisation_kind',
	municipality: 'organisation_municipality',
	emergencyPhone: 'organisation_emergency_phone',
	firstClientPlanDays: 'organisation_first_client_plan_days',
	signIn: 'organisation_sign_in'
} as const satisfies FormLabels<typeof organisationSchema>;

export const userLabels = {
	displayName: 'user_display_name',
	email: 'email',
	preferredLocale: 'user_locale'
} as const satisfies FormLabels<typeof userSchema>;
