/**
 * The child's path in child protection (docs/domain.md §10): the phases, which changes
 * are allowed, what a contact records, and the caseload rules of the Child Welfare Act
 * (13 b §). Pure data and rules: no I/O.
 */
import type { Role } from './roles';
import { isOneOf } from './one-of';

export const CHILD_PHASES = [
	'contact',
	'needs_assessment',
	'client',
	'placement',
	'aftercare',
	'closed'
] as const;
export type ChildPhase = (typeof CHILD_PHASES)[number];

/**
 * Where a phase may go next. Forward along the path, back from a placement to open care,
 * and to `closed` from anywhere; a closed case opens again only through a new contact
 * (recorded with the contact, not by hand).
 */
const NEXT: Record<ChildPhase, readonly ChildPhase[]> = {
	contact: ['needs_assessment', 'closed'],
	needs_assessment: ['client', 'closed'],
	client: ['placement', 'aftercare', 'closed'],
	placement: ['client', 'aftercare', 'closed'],
	aftercare: ['client', 'closed'],
	closed: []
};

export function nextPhases(from: ChildPhase): readonly ChildPhase[] {
	return NEXT[from];
}

export function canMoveTo(from: ChildPhase, to: ChildPhase): boolean {
	return NEXT[from].includes(to);
}

/** The phases in which a child counts in the responsible worker's caseload (13 b §). */
export const CASELOAD_PHASES: readonly ChildPhase[] = ['client', 'placement', 'aftercare'];
/** Shown beside the caseload as workload, not counted against the cap (§10 revised). */
export const WORKLOAD_PHASES: readonly ChildPhase[] = ['needs_assessment'];
export const inCaseload = (phase: ChildPhase) => CASELOAD_PHASES.includes(phase);

/** Only a qualified social worker may be the responsible worker of a child (13 b §). */
export const RESPONSIBLE_ROLES = ['consultant_social_worker', 'social_worker'] as const;
export const canBeResponsible = (role: Role) => isOneOf(RESPONSIBLE_ROLES, role);

/** THL's recommendation (15–20 children per social worker) and the legal cap (30). */
export const CASELOAD_RECOMMENDED = { low: 15, high: 20 } as const;
export const CASELOAD_CAP = 30;

export type CaseloadBand = 'below' | 'recommended' | 'above' | 'over_cap';

export function caseloadBand(count: number): CaseloadBand {
	if (count > CASELOAD_CAP) return 'over_cap';
	if (count > CASELOAD_RECOMMENDED.high) return 'above';
	if (count >= CASELOAD_RECOMMENDED.low) return 'recommended';
	return 'below';
}

/**
 * What adding one child to a caseload of `current` children needs: nothing, a warning
 * (the 21st and later), or the consultant social worker's confirmation with a reason
 * (the 31st and later).
 */
export function caseloadCheck(current: number): 'ok' | 'warn' | 'confirm' {
	const after = current + 1;
	if (after > CASELOAD_CAP) return 'confirm';
	if (after > CASELOAD_RECOMMENDED.high) return 'warn';
	return 'ok';
}

export const CONTACT_KINDS = ['notification', 'application', 'other_contact'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Who made the contact, by kind only: never a private person's name (§10). */
export const NOTIFIER_KINDS = [
	'school',
	'health_care',
	'police',
	'early_education',
	'social_services',
	'private_person',
	'other'
] as const;
export type NotifierKind = (typeof NOTIFIER_KINDS)[number];

export const CONTACT_DECISIONS = ['start_needs_assessment', 'no_needs_assessment'] as const;
export type ContactDecision = (typeof CONTACT_DECISIONS)[number];

export const PLACEMENT_KINDS = [
	'emergency_placement',
	'care_order',
	'open_care_placement'
] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

/** The notifier kind a partner organisation files as. */
export function notifierKindOf(orgKind: string): NotifierKind {
	switch (orgKind) {
		case 'school':
			return 'school';
		case 'early_education':
			return 'early_education';
		case 'child_health_clinic':
		case 'child_psychiatry':
		case 'youth_mental_health':
			return 'health_care';
		case 'substance_abuse':
		case 'residential_unit':
		case 'child_protection':
			return 'social_services';
		default:
			return 'other';
	}
}
