import { disagreementKey, type Colour, type Signal } from './traffic-light';
import { addWorkingDays } from './working-days';
import { dateParts } from './time';

// The form imports it from its own module: this one brings the instrument with it.
export { dangerNow } from './danger';
import type { WorkflowKind } from './workflows';

/** What raises a flag (docs/domain.md §6). */
export const FLAG_TRIGGERS = [
	'turned_red',
	'disagreement',
	'substance',
	'consultation_requested',
	/** The young person answered that they are not safe (§11). */
	'not_safe'
] as const;
export type FlagTrigger = (typeof FLAG_TRIGGERS)[number];

/** Triage deadlines in working days (the team's SLA). */
export const TRIAGE_DAYS = { red: 1, other: 5 } as const;
/** P1 (substance use) at or above this raises a flag. */
export const SUBSTANCE_FLAG_RATING = 2;
export const SUBSTANCE_AGE = { min: 12, max: 17 } as const;
/** This many domains yellow or red suggest a consultation. */
export const CONSULTATION_DOMAINS = 3;

export type StatusFacts = {
	colour: Colour;
	signals: readonly Signal[];
	domainColours: Record<string, Colour>;
	/** Combined P1 rating, null when not rated. */
	substance: number | null;
};

/** Which flags a status change raises: only what is new, so nothing is raised twice. */
export function flagsToRaise(prev: StatusFacts | null, next: StatusFacts): FlagTrigger[] {
	const out: FlagTrigger[] = [];
	if (next.colour === 'red' && prev?.colour !== 'red') out.push('turned_red');
	const items = (s: StatusFacts | null) =>
		new Set(
			(s?.signals ?? []).flatMap((x) => (x.signal === 'disagreement' ? [disagreementKey(x)] : []))
		);
	const before = items(prev);
	if ([...items(next)].some((i) => !before.has(i))) out.push('disagreement');
	const reached = (s: StatusFacts | null) => (s?.substance ?? -1) >= SUBSTANCE_FLAG_RATING;
	if (reached(next) && !reached(prev)) out.push('substance');
	// Each own view that says "not safe" is heard anew, even if an earlier one said so too.
	const notSafe = (s: StatusFacts | null) =>
		new Set((s?.signals ?? []).flatMap((x) => (x.signal === 'not_safe' ? [x.viewId] : [])));
	const saidBefore = notSafe(prev);
	if ([...notSafe(next)].some((v) => !saidBefore.has(v))) out.push('not_safe');
	return out;
}

export type ChildFacts = { ageYears: number; placed: boolean };

/** The workflow a flag suggests; the consultant social worker decides. */
export function suggestWorkflow(
	trigger: FlagTrigger,
	status: StatusFacts,
	child: ChildFacts
): WorkflowKind {
	const teen = child.ageYears >= SUBSTANCE_AGE.min && child.ageYears <= SUBSTANCE_AGE.max;
	const substance = (status.substance ?? -1) >= SUBSTANCE_FLAG_RATING;
	if (trigger === 'consultation_requested' || trigger === 'disagreement') return 'consultation';
	// A young person not safe where they live: first the work that keeps a child at home safe.
	if (trigger === 'not_safe') return child.placed ? 'consultation' : 'intensive_family';
	if (substance && teen) return 'intensive_substance';
	// Worry in many areas of the child's life: first the multi-agency view (docs/domain.md §6).
	if (concernDomains(status) >= CONSULTATION_DOMAINS) return 'consultation';
	if (status.colour === 'red' && !child.placed) return 'intensive_family';
	return 'consultation';
}

/** Domains whose colour is yellow or red. */
export function concernDomains(status: Pick<StatusFacts, 'domainColours'>): number {
	return Object.values(status.domainColours).filter((c) => c === 'yellow' || c === 'red').length;
}

/**
 * Red flags, a young person's "not safe" and urgent consultation requests are triaged
 * within 1 working day, others
 * within 5 (docs/domain.md §6).
 */
export function triageDueOn(trigger: FlagTrigger, raisedOn: string, urgent = false): string {
	const fast = trigger === 'turned_red' || trigger === 'not_safe' || urgent;
	return addWorkingDays(raisedOn, fast ? TRIAGE_DAYS.red : TRIAGE_DAYS.other);
}

/** Overdue once the due day has passed in Finland. */
export const flagOverdue = (dueOn: string, today: string) => today > dueOn;

/** Whole years between a date of birth and today (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, today: string): number {
	const [y, m, d] = dateParts(dateOfBirth);
	const [ty, tm, td] = dateParts(today);
	return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}
