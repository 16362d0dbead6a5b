import type { ClockKind, ClockState } from '../domain/clocks';
import type {
	CaseloadBand,
	ChildPhase,
	ContactDecision,
	ContactKind,
	NotifierKind,
	PlacementKind
} from '../domain/path';
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';

/** Names for the child's path (docs/domain.md §10), in the reader's language or `locale`. */
const opt = (locale?: Locale) => (locale ? { locale } : undefined);

export function phaseLabel(phase: ChildPhase, locale?: Locale): string {
	const o = opt(locale);
	switch (phase) {
		case 'contact':
			return m.phase_contact({}, o);
		case 'needs_assessment':
			return m.phase_needs_assessment({}, o);
		case 'client':
			return m.phase_client({}, o);
		case 'placement':
			return m.phase_placement({}, o);
		case 'aftercare':
			return m.phase_aftercare({}, o);
		case 'closed':
			return m.phase_closed({}, o);
	}
}

export function contactKindLabel(kind: ContactKind): string {
	switch (kind) {
		case 'notification':
			return m.contact_kind_notification();
		case 'application':
			return m.contact_kind_application();
		case 'other_contact':
			return m.contact_kind_other_contact();
	}
}

export function notifierKindLabel(kind: NotifierKind): string {
	switch (kind) {
		case 'school':
			return m.notifier_school();
		case 'health_care':
			return m.notifier_health_care();
		case 'police':
			return m.notifier_police();
		case 'early_education':
			return m.notifier_early_education();
		case 'social_services':
			return m.notifier_social_services();
		case 'private_person':
			return m.notifier_private_person();
		case 'other':
			return m.notifier_other();
	}
}

export function placementKindLabel(kind: PlacementKind): string {
	switch (kind) {
		case 'emergency_placement':
			return m.placement_kind_emergency();
		case 'care_order':
			return m.placement_kind_care_order();
		case 'open_care_placement':
			return m.placement_kind_open_care();
	}
}

export function decisionLabel(decision: ContactDecision): string {
	switch (decision) {
		case 'start_needs_assessment':
			return m.decision_start_needs_assessment();
		case 'no_needs_assessment':
			return m.decision_no_needs_assessment();
	}
}

export function clockKindLabel(kind: ClockKind): string {
	switch (kind) {
		case 'decision':
			return m.clock_decision();
		case 'needs_assessment':
			return m.clock_needs_assessment();
		case 'client_plan_review':
			return m.clock_client_plan_review();
		case 'emergency_placement':
			return m.clock_emergency_placement();
	}
}

/** A clock's state in words, never by colour alone: "3 working days left", "overdue by 2". */
export function clockStateText(state: ClockState | null): string {
	if (!state) return m.clock_stopped();
	switch (state.state) {
		case 'running':
			return m.clock_running({ days: state.workingDaysLeft });
		case 'due_soon':
			return m.clock_due_soon({ days: state.workingDaysLeft });
		case 'overdue':
			return m.clock_overdue({ days: state.workingDaysLate });
		case 'met':
			return m.clock_met();
		case 'met_late':
			return m.clock_met_late({ days: state.workingDaysLate });
	}
}

export function bandLabel(band: CaseloadBand): string {
	switch (band) {
		case 'below':
			return m.caseload_band_below();
		case 'recommended':
			return m.caseload_band_recommended();
		case 'above':
			return m.caseload_band_above();
		case 'over_cap':
			return m.caseload_band_over_cap();
	}
}
