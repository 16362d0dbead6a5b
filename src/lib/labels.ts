import type { AccessBasis } from './domain/access';
import type { Colour } from './domain/traffic-light';
import type { Locale, OrganisationKind, Role } from './domain/roles';
import type { FlagTrigger } from './domain/flags';
import type {
	ConsultationState,
	IntensiveOutcome,
	IntensiveState,
	WorkflowKind
} from './domain/workflows';
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
		case 'region_manager':
			return m.role_region_manager();
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
		case 'workflow':
			return m.basis_workflow();
		case 'consultation_invite':
			return m.basis_consultation_invite();
		case 'notifier':
			return m.basis_notifier();
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

export function triggerLabel(t: FlagTrigger): string {
	switch (t) {
		case 'turned_red':
			return m.trigger_turned_red();
		case 'disagreement':
			return m.trigger_disagreement();
		case 'substance':
			return m.trigger_substance();
		case 'consultation_requested':
			return m.trigger_consultation_requested();
		case 'not_safe':
			return m.trigger_not_safe();
	}
}

export function workflowLabel(k: WorkflowKind): string {
	switch (k) {
		case 'intensive_substance':
			return m.workflow_intensive_substance();
		case 'intensive_family':
			return m.workflow_intensive_family();
		case 'consultation':
			return m.workflow_consultation();
	}
}

export function flagStatusLabel(s: 'open' | 'accepted' | 'dismissed'): string {
	switch (s) {
		case 'open':
			return m.flag_status_open();
		case 'accepted':
			return m.flag_status_accepted();
		case 'dismissed':
			return m.flag_status_dismissed();
	}
}

export function intensiveStateLabel(s: IntensiveState): string {
	switch (s) {
		case 'proposed':
			return m.intensive_state_proposed();
		case 'active':
			return m.intensive_state_active();
		case 'closed':
			return m.intensive_state_closed();
	}
}

export function consultationStateLabel(s: ConsultationState): string {
	switch (s) {
		case 'requested':
			return m.consultation_state_requested();
		case 'scheduled':
			return m.consultation_state_scheduled();
		case 'held':
			return m.consultation_state_held();
		case 'closed':
			return m.consultation_state_closed();
		case 'declined':
			return m.consultation_state_declined();
	}
}

export function outcomeLabel(o: IntensiveOutcome): string {
	switch (o) {
		case 'improved':
			return m.outcome_improved();
		case 'unchanged':
			return m.outcome_unchanged();
		case 'placement':
			return m.outcome_placement();
		case 'moved_away':
			return m.outcome_moved_away();
		case 'other':
			return m.outcome_other();
	}
}

export function urgencyLabel(u: 'normal' | 'urgent'): string {
	return u === 'urgent' ? m.urgency_urgent() : m.urgency_normal();
}
