/**
 * The two workflows of docs/domain.md §6 as explicit state machines. Pure: services ask `transition`
 * before writing, so an invalid step is refused with a reason before anything changes.
 */

export const INTENSIVE_KINDS = ['intensive_substance', 'intensive_family'] as const;
export type IntensiveKind = (typeof INTENSIVE_KINDS)[number];
export const WORKFLOW_KINDS = [...INTENSIVE_KINDS, 'consultation'] as const;
export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];

export const INTENSIVE_STATES = ['proposed', 'active', 'closed'] as const;
export type IntensiveState = (typeof INTENSIVE_STATES)[number];
export const INTENSIVE_ACTIONS = ['activate', 'close'] as const;
export type IntensiveAction = (typeof INTENSIVE_ACTIONS)[number];

export const INTENSIVE_OUTCOMES = [
	'improved',
	'unchanged',
	'placement',
	'moved_away',
	'other'
] as const;
export type IntensiveOutcome = (typeof INTENSIVE_OUTCOMES)[number];

export const CONSULTATION_STATES = [
	'requested',
	'scheduled',
	'held',
	'closed',
	'declined'
] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];
export const CONSULTATION_ACTIONS = ['schedule', 'record', 'close', 'decline'] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];

export const URGENCIES = ['normal', 'urgent'] as const;

type Machine<S extends string, A extends string> = Record<S, Partial<Record<A, S>>>;

export const INTENSIVE: Machine<IntensiveState, IntensiveAction> = {
	proposed: { activate: 'active' },
	active: { close: 'closed' },
	closed: {}
};

export const CONSULTATION: Machine<ConsultationState, ConsultationAction> = {
	// Rescheduling is scheduling again; a booked meeting can still be declined (cancelled).
	requested: { schedule: 'scheduled', decline: 'declined' },
	scheduled: { schedule: 'scheduled', record: 'held', decline: 'declined' },
	held: { close: 'closed' },
	closed: {},
	declined: {}
};

export type Transition<S> = { ok: true; to: S } | { ok: false; from: S; action: string };

export function transition<S extends string, A extends string>(
	machine: Machine<S, A>,
	from: S,
	action: A
): Transition<S> {
	const to = machine[from]?.[action];
	return to ? { ok: true, to } : { ok: false, from, action };
}

/** The actions a person can take from a state: what the page offers, nothing more. */
export function allowedActions<S extends string, A extends string>(
	machine: Machine<S, A>,
	from: S
): A[] {
	return Object.keys(machine[from] ?? {}) as A[];
}

/** Plan steps, contacts and reviews belong to a live workflow, not a closed one. */
export const intensiveEditable = (s: IntensiveState) => s !== 'closed';

/** Reviews every 14 days (docs/domain.md §6), counted from starting or from the last review. */
export const REVIEW_INTERVAL_DAYS = 14;

/** A running workflow whose review day has come (or passed) should be reviewed now. */
export const reviewDue = (state: IntensiveState, nextReviewOn: string | null, today: string) =>
	state === 'active' && !!nextReviewOn && nextReviewOn <= today;
