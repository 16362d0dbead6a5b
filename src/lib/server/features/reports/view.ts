import type { FigureKey, RowKind, ShownFigure } from '../../../domain/report-figures';
import { chartable, periodChoices, shownText, type Period } from '../../../domain/reports';
import { formatDate, formatLocale } from '../../../format';
import { dateParts } from '../../../domain/time';
import { toCsv } from '../../csv';
import { asOneOf } from '../../../domain/one-of';
import { ORGANISATION_KINDS } from '../../../domain/roles';
import { WORKFLOW_KINDS, type IntensiveOutcome } from '../../../domain/workflows';
import { flagStatusLabel } from '../../../labels/flag-status';
import { kindLabel } from '../../../labels/kind';
import { outcomeLabel } from '../../../labels/outcome';
import { workflowLabel } from '../../../labels/workflow';
import { colourLabel } from '../../../labels/colour';
import { m } from '../../../paraglide/messages';
import { getLocale } from '../../../paraglide/runtime';
import { barChart, lineChart, type Chart } from './chart';

/**
 * A figure as the page and the CSV show it (ADR 030): every text in the reader's language,
 * the small-number rule applied once (domain/reports `protect`), and the chart made from
 * the same protected cells, so the chart can never show what the table hides.
 */
export type FigureView = {
	key: FigureKey;
	title: string;
	description: string;
	headers: string[];
	rows: { id: string; label: string; cells: string[] }[];
	chart: Chart;
	chartDescription: string;
};

const TITLES: Record<FigureKey, () => [string, string]> = {
	colours: () => [m.report_fig_colours(), m.report_fig_colours_desc()],
	overrides: () => [m.report_fig_overrides(), m.report_fig_overrides_desc()],
	flags: () => [m.report_fig_flags(), m.report_fig_flags_desc()],
	consultations: () => [m.report_fig_consultations(), m.report_fig_consultations_desc()],
	intensive: () => [m.report_fig_intensive(), m.report_fig_intensive_desc()],
	caseloads: () => [m.report_fig_caseloads(), m.report_fig_caseloads_desc()],
	confirmations: () => [m.report_fig_confirmations(), m.report_fig_confirmations_desc()],
	assessments: () => [m.report_fig_assessments(), m.report_fig_assessments_desc()],
	meetings: () => [m.report_fig_meetings(), m.report_fig_meetings_desc()],
	red_response: () => [m.report_fig_red_response(), m.report_fig_red_response_desc()],
	disagreements: () => [m.report_fig_disagreements(), m.report_fig_disagreements_desc()],
	after_intensive: () => [m.report_fig_after_intensive(), m.report_fig_after_intensive_desc()],
	family: () => [m.report_fig_family(), m.report_fig_family_desc()],
	thl: () => [m.report_fig_thl(), m.report_fig_thl_desc()]
};

const ROW_HEADERS: Record<RowKind, () => string> = {
	month: m.report_row_month,
	flag_outcome: m.report_row_flag_outcome,
	intensive_kind: m.report_row_intensive_kind,
	caseload_band: m.report_row_caseload_band,
	period: m.report_row_period,
	organisation_kind: m.report_row_organisation_kind,
	thl_line: m.report_row_thl_line
};

const COLUMNS: Record<string, () => string> = {
	red: () => colourLabel('red'),
	yellow: () => colourLabel('yellow'),
	green: () => colourLabel('green'),
	grey: () => colourLabel('grey'),
	improved: () => outcomeLabel('improved' satisfies IntensiveOutcome),
	unchanged: () => outcomeLabel('unchanged'),
	placement: () => outcomeLabel('placement'),
	moved_away: () => outcomeLabel('moved_away'),
	other: () => outcomeLabel('other'),
	status_changes: m.report_col_status_changes,
	overrides: m.report_col_overrides,
	override_share: m.report_col_override_share,
	raised: m.report_col_raised,
	lowered: m.report_col_lowered,
	kept_colour: m.report_col_kept_colour,
	flags: m.report_col_flags,
	median_days_to_triage: m.report_col_median_days_to_triage,
	share_triaged_on_time: m.report_col_share_triaged_on_time,
	reds: m.report_col_reds,
	median_days_to_discussion: m.report_col_median_days_to_discussion,
	requested: m.report_col_requested,
	pending: m.report_col_pending,
	held: m.report_col_held,
	declined: m.report_col_declined,
	median_days_to_held: m.report_col_median_days_to_held,
	started: m.report_col_started,
	closed: m.report_col_closed,
	placed_within_6_months: m.report_col_placed_within_6_months,
	share_placed: m.report_col_share_placed,
	not_yet_three_months: m.report_col_not_yet_three_months,
	workers: m.report_col_workers,
	confirmations: m.report_col_confirmations,
	assessments_received: m.report_col_assessments_received,
	requests_due: m.report_col_requests_due,
	answered_on_time: m.report_col_answered_on_time,
	share_answered_on_time: m.report_col_share_answered_on_time,
	meetings: m.report_col_meetings,
	children_discussed: m.report_col_children_discussed,
	steps_due: m.report_col_steps_due,
	steps_done: m.report_col_steps_done,
	share_steps_done: m.report_col_share_steps_done,
	count: m.report_col_count,
	family_asked: m.report_col_family_asked,
	family_answered: m.report_col_family_answered,
	share_family_answered: m.report_col_share_family_answered,
	family_answers: m.report_col_family_answers,
	share_heard: m.report_col_share_heard,
	share_plan_clear: m.report_col_share_plan_clear
};

const BANDS: Record<string, () => string> = {
	under_15: m.report_band_under_15,
	'15_20': m.report_band_15_20,
	'21_30': m.report_band_21_30,
	over_30: m.report_band_over_30
};

const THL_LINES: Record<string, () => string> = {
	contacts: m.report_thl_contacts,
	notifications: m.report_thl_notifications,
	other_contacts: m.report_thl_other_contacts,
	decisions: m.report_thl_decisions,
	decisions_on_time: m.report_thl_decisions_on_time,
	decisions_late: m.report_thl_decisions_late,
	decisions_open_late: m.report_thl_decisions_open_late,
	needs_assessments: m.report_thl_needs_assessments,
	needs_assessments_on_time: m.report_thl_needs_assessments_on_time,
	needs_assessments_late: m.report_thl_needs_assessments_late,
	needs_assessments_open_late: m.report_thl_needs_assessments_open_late
};

/** `2026-03` (or a date in it) as the reader's month name and year, short or long. */
export function monthLabel(month: string, width: 'short' | 'long' = 'short'): string {
	const [y, mo] = dateParts(`${month.slice(0, 7)}-01`);
	return new Date(Date.UTC(y, mo - 1, 1)).toLocaleDateString(formatLocale(), {
		month: width,
		year: 'numeric',
		timeZone: 'UTC'
	});
}

function rowLabel(kind: RowKind, key: string): string {
	switch (kind) {
		case 'month':
			return monthLabel(key);
		case 'flag_outcome':
			return key === 'open' || key === 'dismissed'
				? flagStatusLabel(key)
				: workflowLabel(asOneOf(WORKFLOW_KINDS, key));
		case 'intensive_kind':
			return workflowLabel(asOneOf(WORKFLOW_KINDS, key));
		case 'caseload_band':
			return BANDS[key]!();
		case 'period':
			return m.report_row_selected_period();
		case 'organisation_kind':
			return kindLabel(asOneOf(ORGANISATION_KINDS, key));
		case 'thl_line':
			return THL_LINES[key]!();
	}
}

/**
 * A figure's table, chart and CSV cells, as the report feature decided its reader may see
 * them (exactly, or under the small-number rule over every view, §8).
 */
export function figureView(f: ShownFigure): FigureView {
	const locale = getLocale();
	const { shown } = f;
	const [title, description] = TITLES[f.key]();
	const columns = f.columns.map((c) => COLUMNS[c]!());
	const rows = f.rows.map((key, r) => ({
		id: key,
		label: rowLabel(f.rowKind, key),
		cells: shown[r]!.map((s) => shownText(s, locale))
	}));
	const chartRows = rows.map((row, r) => ({
		label: row.label,
		cells: f.chart.columns.map((c) => ({ value: chartable(shown[r]![c]!), text: row.cells[c]! }))
	}));
	const series = f.chart.columns.map((c) => ({ key: f.columns[c]!, label: columns[c]! }));
	const chart =
		f.chart.kind === 'lines' ? lineChart(chartRows, series) : barChart(chartRows, series);
	return {
		key: f.key,
		title,
		description,
		// A column's name is a label: capitalised, though the same word runs lower-case in a
		// sentence (the chart's description).
		headers: [ROW_HEADERS[f.rowKind](), ...columns.map((c) => capitalise(c, locale))],
		rows,
		chart,
		chartDescription:
			f.chart.kind === 'lines'
				? m.report_chart_lines_desc({ series: series.map((s) => s.label).join(', ') })
				: m.report_chart_bars_desc({ series: series.map((s) => s.label).join(', ') })
	};
}

function capitalise(text: string, locale: string): string {
	return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

export const CSV_FORMATS = ['excel', 'plain'] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];

/**
 * The figure as CSV, "< 5" and ".." included. `excel`: the table's own texts in the reader's
 * language, for a Finnish spreadsheet (`;`, decimal commas, a byte-order mark). `plain`: for
 * machines, comma-separated, rows by their keys (a month, a kind), numbers without
 * separators or units.
 */
export function figureCsv(f: ShownFigure, format: CsvFormat = 'excel'): string {
	const view = figureView(f);
	if (format === 'excel')
		return toCsv(
			view.headers,
			view.rows.map((r) => [r.label, ...r.cells]),
			{ excel: true }
		);
	const { shown } = f;
	return toCsv(
		view.headers,
		f.rows.map((key, r) => [
			key,
			...shown[r]!.map((s) => (s.kind === 'number' ? String(s.n) : shownText(s)))
		])
	);
}

/** The period select's groups, each option named by its dates in the reader's language. */
export function periodOptions(today: string, wholeOnly = false) {
	const choices = periodChoices(today);
	const label = (p: Period) =>
		p.kind === 'month' ? monthLabel(p.from, 'long') : `${formatDate(p.from)}–${formatDate(p.to)}`;
	const group = (kind: 'month' | 'quarter' | 'half_year') =>
		choices[kind].map((p) => ({ value: `${kind}:${p.from}`, label: label(p) }));
	// Where the small-number rule applies, whole quarters that have ended only (§8).
	if (wholeOnly)
		return [
			{
				label: m.report_period_quarter(),
				options: group('quarter').filter((_, i) => choices.quarter[i]!.to < today)
			}
		];
	return [
		{ label: m.report_period_quarter(), options: group('quarter') },
		{ label: m.report_period_month(), options: group('month') },
		{ label: m.report_period_half_year(), options: group('half_year') }
	];
}

/** What the report covers, in words: the team (or all the viewer's teams) and the dates. */
export function reportHeading(
	scope: { teams: { id: string; name: string }[] },
	filter: { teamId: string | null; period: Period }
): string {
	const team = filter.teamId
		? (scope.teams.find((t) => t.id === filter.teamId)?.name ?? '')
		: m.report_team_all();
	return m.report_showing({
		team,
		from: formatDate(filter.period.from),
		to: formatDate(filter.period.to)
	});
}
