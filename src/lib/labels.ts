import type { AccessBasis } from './domain/access';
import type { Colour } from './domain/traffic-light';
import type { Locale, OrganisationKind, Role } from './domain/roles';
import { m } from './paraglide/messages';

/** Translated names for enum values; one switch each keeps Paraglide tree-shakable. */
export function roleLabel(role: Role): string {
	switch (role) {
		case 'consultant_social_worker':
			return m.role_consultant_social_worker();
		case 'social_worker':
			return m.role_social_worker();
		case 'social_instructor':
			return m.role_social_instructor();
		case 'family_therapist':
			return m.role_family_therapist();
		case 'coordinator':
			return m.role_coordinator();
		case 'partner':
			return m.role_partner();
		case 'residential_staff':
			return m.role_residential_staff();
		case 'admin':
			return m.role_admin();
	}
}

export function kindLabel(kind: OrganisationKind): string {
	switch (kind) {
		case 'child_protection':
			return m.kind_child_protection();
		case 'school':
			return m.kind_school();
		case 'early_education':
			return m.kind_early_education();
		case 'child_health_clinic':
			return m.kind_child_health_clinic();
		case 'child_psychiatry':
			return m.kind_child_psychiatry();
		case 'youth_mental_health':
			return m.kind_youth_mental_health();
		case 'substance_abuse':
			return m.kind_substance_abuse();
		case 'residential_unit':
			return m.kind_residential_unit();
	}
}

export function localeLabel(locale: Locale): string {
	switch (locale) {
		case 'fi':
			return m.locale_fi();
		case 'sv':
			return m.locale_sv();
		case 'en':
			return m.locale_en();
	}
}

export function basisLabel(basis: AccessBasis): string {
	switch (basis) {
		case 'team':
			return m.basis_team();
		case 'consent':
			return m.basis_consent();
		case 'statutory_request':
			return m.basis_statutory_request();
		case 'notification':
			return m.basis_notification();
		case 'placement':
			return m.basis_placement();
	}
}

export function colourLabel(c: Colour): string {
	switch (c) {
		case 'red':
			return m.colour_red();
		case 'yellow':
			return m.colour_yellow();
		case 'green':
			return m.colour_green();
		case 'grey':
			return m.colour_grey();
	}
}
