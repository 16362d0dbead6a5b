/**
 * The figures of §8 as tables of values: which rows, which columns, which cells are sums
 * of which (for the small-number rule). Pure: the numbers come from the report queries.
 */
import type { Cell, Grid, Shown, Sum, Value } from './reports';
import { INTENSIVE_OUTCOMES } from './workflows';

export const FIGURE_KEYS = [
	'colours',
	'overrides',
	'flags',
	'consultations',
	'intensive',
	'caseloads',
	'confirmations',
	'assessments',
	'meetings',
	'red_response',
	'disagreements',
	'after_intensive',
	'family',
	'thl'
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/**
 * The figures whose counts for all teams are the sums of each team's (each counts the
 * children, flags, meetings … of one team). Caseloads are not: a worker in two teams counts
 * in both. The small-number rule ties these views together (`protectAcross`).
 */
export const ADDITIVE_OVER_TEAMS: ReadonlySet<FigureKey> = new Set(
	FIGURE_KEYS.filter((k) => k !== 'caseloads')
);

/** How the rows are named: by month, or by a kind each with its own label. */
export type RowKind =
	| 'month'
	| 'flag_outcome'
	| 'intensive_kind'
	| 'caseload_band'
	| 'period'
	| 'organisation_kind'
	| 'thl_line';

export type Figure = {
	key: FigureKey;
	rowKind: RowKind;
	rows: string[];
	columns: string[];
	grid: Grid;
	/** The columns the chart draws (counts, or days); `lines` draws one line per column. */
	chart: { kind: 'bars' | 'lines'; columns: number[] };
};

/** A figure with the cells its reader may see: exactly, or under the small-number rule. */
export type ShownFigure = Figure & { shown: Shown[][] };

const c = (n: number): Value => ({ kind: 'count', n });
const share = (part: number, base: number): Value => ({ kind: 'share', part, base });
const median = (value: number | null, base: number): Value => ({ kind: 'median', value, base });
/** Row r's total in column t is the sum of its columns `parts`. */
const rowSums = (rows: number, t: number, parts: number[]): Sum[] =>
	Array.from({ length: rows }, (_, r) => ({
		total: [r, t],
		parts: parts.map((p): Cell => [r, p])
	}));

type ByMonth<T> = ({ month: string } & T)[];

export function coloursFigure(
	data: ByMonth<{ red: number; yellow: number; green: number; grey: number }>
): Figure {
	return {
		key: 'colours',
		rowKind: 'month',
		rows: data.map((d) => d.month),
		columns: ['red', 'yellow', 'green', 'grey'],
		grid: { rows: data.map((d) => [c(d.red), c(d.yellow), c(d.green), c(d.grey)]) },
		chart: { kind: 'lines', columns: [0, 1, 2, 3] }
	};
}

export function overridesFigure(
	data: ByMonth<{
		changes: number;
		overrides: number;
		raised: number;
		lowered: number;
		kept: number;
	}>
): Figure {
	return {
		key: 'overrides',
		rowKind: 'month',
		rows: data.map((d) => d.month),
		columns: ['status_changes', 'overrides', 'override_share', 'raised', 'lowered', 'kept_colour'],
		grid: {
			rows: data.map((d) => [
				c(d.changes),
				c(d.overrides),
				share(d.overrides, d.changes),
				c(d.raised),
				c(d.lowered),
				c(d.kept)
			]),
			sums: rowSums(data.length, 1, [3, 4, 5])
		},
		chart: { kind: 'bars', columns: [3, 4] }
	};
}

type FlagRow = {
	outcome: string;
	flags: number;
	triaged: number;
	medianDays: number | null;
	onTime: number;
	due: number;
};

export function flagsFigure(data: FlagRow[], key: 'flags' | 'disagreements' = 'flags'): Figure {
	return {
		key,
		rowKind: 'flag_outcome',
		rows: data.map((d) => d.outcome),
		columns: ['flags', 'median_days_to_triage', 'share_triaged_on_time'],
		grid: {
			rows: data.map((d) => [c(d.flags), median(d.medianDays, d.triaged), share(d.onTime, d.due)])
		},
		chart: { kind: 'bars', columns: [0] }
	};
}

export function redResponseFigure(
	data: ByMonth<{
		reds: number;
		triaged: number;
		toTriage: number | null;
		discussed: number;
		toDiscussion: number | null;
	}>
): Figure {
	return {
		key: 'red_response',
		rowKind: 'month',
		rows: data.map((d) => d.month),
		columns: ['reds', 'median_days_to_triage', 'median_days_to_discussion'],
		grid: {
			rows: data.map((d) => [
				c(d.reds),
				median(d.toTriage, d.triaged),
				median(d.toDiscussion, d.discussed)
			])
		},
		chart: { kind: 'bars', columns: [1, 2] }
	};
}

export function consultationsFigure(
	data: ByMonth<{
		requested: number;
		pending: number;
		held: number;
		declined: number;
		medianDays: number | null;
	}>
): Figure {
	return {
		key: 'consultations',
		rowKind: 'month',
		rows: data.map((d) => d.month),
		columns: ['requested', 'pending', 'held', 'declined', 'median_days_to_held'],
		grid: {
			rows: data.map((d) => [
				c(d.requested),
				c(d.pending),
				c(d.held),
				c(d.declined),
				median(d.medianDays, d.held)
			]),
			sums: rowSums(data.length, 0, [1, 2, 3])
		},
		chart: { kind: 'bars', columns: [2, 3, 1] }
	};
}

/** The outcome columns of the intensive figure, in the workflows' own order. */
export const OUTCOME_COLUMNS = INTENSIVE_OUTCOMES;

export function intensiveFigure(
	data: {
		kind: string;
		started: number;
		closed: number;
		outcomes: Record<(typeof OUTCOME_COLUMNS)[number], number>;
		placed: number;
	}[]
): Figure {
	return {
		key: 'intensive',
		rowKind: 'intensive_kind',
		rows: data.map((d) => d.kind),
		columns: ['started', 'closed', ...OUTCOME_COLUMNS, 'placed_within_6_months', 'share_placed'],
		grid: {
			rows: data.map((d) => [
				c(d.started),
				c(d.closed),
				...OUTCOME_COLUMNS.map((o) => c(d.outcomes[o])),
				c(d.placed),
				share(d.placed, d.closed)
			]),
			sums: rowSums(data.length, 1, [2, 3, 4, 5, 6])
		},
		chart: { kind: 'bars', columns: [0, 1] }
	};
}

export function afterIntensiveFigure(
	data: {
		kind: string;
		red: number;
		yellow: number;
		green: number;
		grey: number;
		notYet: number;
	}[]
): Figure {
	return {
		key: 'after_intensive',
		rowKind: 'intensive_kind',
		rows: data.map((d) => d.kind),
		columns: ['red', 'yellow', 'green', 'grey', 'not_yet_three_months'],
		grid: { rows: data.map((d) => [c(d.red), c(d.yellow), c(d.green), c(d.grey), c(d.notYet)]) },
		chart: { kind: 'bars', columns: [0, 1, 2, 3] }
	};
}

export function caseloadsFigure(data: { band: string; workers: number }[]): Figure {
	return {
		key: 'caseloads',
		rowKind: 'caseload_band',
		rows: data.map((d) => d.band),
		columns: ['workers'],
		grid: { rows: data.map((d) => [c(d.workers)]) },
		chart: { kind: 'bars', columns: [0] }
	};
}

export function confirmationsFigure(confirmations: number): Figure {
	return {
		key: 'confirmations',
		rowKind: 'period',
		rows: ['period'],
		columns: ['confirmations'],
		grid: { rows: [[c(confirmations)]] },
		chart: { kind: 'bars', columns: [0] }
	};
}

export function assessmentsFigure(
	data: { kind: string; received: number; due: number; answered: number }[]
): Figure {
	return {
		key: 'assessments',
		rowKind: 'organisation_kind',
		rows: data.map((d) => d.kind),
		columns: ['assessments_received', 'requests_due', 'answered_on_time', 'share_answered_on_time'],
		grid: {
			rows: data.map((d) => [c(d.received), c(d.due), c(d.answered), share(d.answered, d.due)])
		},
		chart: { kind: 'bars', columns: [0, 1, 2] }
	};
}

export function meetingsFigure(
	data: ByMonth<{ meetings: number; children: number; stepsDue: number; stepsDone: number }>
): Figure {
	return {
		key: 'meetings',
		rowKind: 'month',
		rows: data.map((d) => d.month),
		columns: ['meetings', 'children_discussed', 'steps_due', 'steps_done', 'share_steps_done'],
		grid: {
			rows: data.map((d) => [
				c(d.meetings),
				c(d.children),
				c(d.stepsDue),
				c(d.stepsDone),
				share(d.stepsDone, d.stepsDue)
			])
		},
		chart: { kind: 'bars', columns: [1, 2, 3] }
	};
}

/**
 * The family-level result (§1, §11): meetings and plans the family was asked about, how
 * many got an answer, and the share of answers of 4 or 5 to "were you heard" and "is the
 * plan clear", by the month of the meeting or plan.
 */
export function familyFigure(
	data: ByMonth<{ asked: number; answered: number; answers: number; heard: number; clear: number }>
): Figure {
	return {
		key: 'family',
		rowKind: 'month',
		rows: data.map((d) => d.month),
		columns: [
			'family_asked',
			'family_answered',
			'share_family_answered',
			'family_answers',
			'share_heard',
			'share_plan_clear'
		],
		grid: {
			rows: data.map((d) => [
				c(d.asked),
				c(d.answered),
				share(d.answered, d.asked),
				c(d.answers),
				share(d.heard, d.answers),
				share(d.clear, d.answers)
			])
		},
		chart: { kind: 'bars', columns: [0, 1] }
	};
}

export const THL_LINES = [
	'contacts',
	'notifications',
	'other_contacts',
	'decisions',
	'decisions_on_time',
	'decisions_late',
	'decisions_open_late',
	'needs_assessments',
	'needs_assessments_on_time',
	'needs_assessments_late',
	'needs_assessments_open_late'
] as const;

export function thlFigure(d: {
	contacts: number;
	notifications: number;
	/** Met in the half-year, and those still unmet at its end past the deadline (late). */
	decisions: { total: number; onTime: number; openLate: number };
	needsAssessments: { total: number; onTime: number; openLate: number };
}): Figure {
	const values = [
		d.contacts,
		d.notifications,
		d.contacts - d.notifications,
		d.decisions.total,
		d.decisions.onTime,
		d.decisions.total - d.decisions.onTime,
		d.decisions.openLate,
		d.needsAssessments.total,
		d.needsAssessments.onTime,
		d.needsAssessments.total - d.needsAssessments.onTime,
		d.needsAssessments.openLate
	];
	const sum = (t: number): Sum => ({
		total: [t, 0],
		parts: [
			[t + 1, 0],
			[t + 2, 0]
		]
	});
	return {
		key: 'thl',
		rowKind: 'thl_line',
		rows: [...THL_LINES],
		columns: ['count'],
		grid: { rows: values.map((v) => [c(v)]), sums: [sum(0), sum(3), sum(7)] },
		chart: { kind: 'bars', columns: [0] }
	};
}
