import { z } from 'zod';
import {
	PERIOD_KINDS,
	periodOf,
	periodProblem,
	thlHalfYearOf,
	wholePeriodProblem,
	type Period
} from '../domain/reports';
import { addDays } from '../domain/working-days';
import { FIGURE_KEYS, type FigureKey } from '../domain/report-figures';
import { ORGANISATION_KINDS, type OrganisationKind } from '../domain/roles';
import { m } from '../paraglide/messages';
import { isCalendarDate, optionalDate, uuidOrEmpty } from './common';
import { asOneOf, isOneOf } from '../domain/one-of';

/*
 * The reports' filter, read from the query string: team, period and partner kind name no
 * person, so a filtered report can be bookmarked and its CSV linked.
 */

/** `month:2026-11-01`, `quarter:…`, `half_year:…` (the start of one), or `custom`. */
const PERIOD_VALUE = /^(month|quarter|half_year):(\d{4}-\d{2}-\d{2})$/;

const periodValue = z
	.string()
	.trim()
	.refine(
		(v) => v === '' || v === 'custom' || (PERIOD_VALUE.test(v) && isCalendarDate(v.split(':')[1]!)),
		{
			error: () => m.error_choose_option()
		}
	)
	.default('');

const partnerKind = z
	.string()
	.refine(
		(v): boolean => v === '' || (isOneOf(ORGANISATION_KINDS, v) && v !== 'child_protection'),
		{
			error: () => m.error_choose_option()
		}
	)
	.default('');

export const reportFilterSchema = z.object({
	team: uuidOrEmpty,
	period: periodValue,
	from: optionalDate,
	to: optionalDate,
	partner: partnerKind
});
export type ReportFilterForm = z.infer<typeof reportFilterSchema>;

export type ParsedFilter =
	| {
			ok: true;
			form: ReportFilterForm;
			teamId: string | null;
			period: Period;
			partnerKind: OrganisationKind | null;
	  }
	| {
			ok: false;
			form: ReportFilterForm;
			errors: Partial<Record<keyof ReportFilterForm, string[]>>;
	  };

const first = (params: URLSearchParams, key: string) => params.get(key) ?? undefined;
const FILTER_FIELDS = ['team', 'period', 'from', 'to', 'partner'] as const;

/** The period a report opens with: the current quarter. */
export const defaultPeriodValue = (today: string) => `quarter:${periodOf('quarter', today).from}`;
/** The last calendar quarter that has ended: the default where only whole periods are shown. */
export const lastWholeQuarterValue = (today: string) =>
	`quarter:${periodOf('quarter', addDays(periodOf('quarter', today).from, -1)).from}`;

/**
 * The filter from the query string, or the fields' errors in words. An empty period is the
 * current quarter; a custom one needs both dates, the end not before the start.
 */
export function parseReportFilter(
	params: URLSearchParams,
	today: string,
	/** The small-number rule applies: whole ended quarters, every partner together (§8). */
	opts: { wholeOnly?: boolean } = {}
): ParsedFilter {
	const raw = {
		team: first(params, 'team'),
		period: first(params, 'period'),
		from: first(params, 'from'),
		to: first(params, 'to'),
		partner: first(params, 'partner')
	};
	const parsed = reportFilterSchema.safeParse(raw);
	const blank: ReportFilterForm = { team: '', period: '', from: '', to: '', partner: '' };
	if (!parsed.success) {
		const errors: Partial<Record<keyof ReportFilterForm, string[]>> = {};
		for (const issue of parsed.error.issues) {
			const key = issue.path[0];
			if (typeof key === 'string' && isOneOf(FILTER_FIELDS, key))
				(errors[key] ??= []).push(issue.message);
		}
		const form = { ...blank };
		for (const k of FILTER_FIELDS) form[k] = typeof raw[k] === 'string' ? raw[k].slice(0, 100) : '';
		return { ok: false, form, errors };
	}
	const form = {
		...parsed.data,
		period:
			parsed.data.period ||
			(opts.wholeOnly ? lastWholeQuarterValue(today) : defaultPeriodValue(today))
	};
	let period: Period;
	if (form.period === 'custom') {
		if (!form.from) return { ok: false, form, errors: { from: [m.report_error_from()] } };
		if (!form.to) return { ok: false, form, errors: { to: [m.report_error_to()] } };
		if (form.to < form.from) return { ok: false, form, errors: { to: [m.report_error_order()] } };
		period = periodOf('custom', form.from, form.to);
	} else {
		const [, kind, start] = PERIOD_VALUE.exec(form.period)!;
		period = periodOf(asOneOf(PERIOD_KINDS, kind!), start!);
	}
	if (opts.wholeOnly && wholePeriodProblem(period, today))
		return { ok: false, form, errors: { period: [m.report_error_whole_periods()] } };
	// One kind of partner beside all of them would give small counts away by subtraction.
	if (opts.wholeOnly && form.partner)
		return { ok: false, form, errors: { partner: [m.report_error_partner_region()] } };
	const problem = periodProblem(period, today);
	if (problem) {
		const field = form.period === 'custom' ? 'from' : 'period';
		const text = problem === 'too_long' ? m.report_error_too_long() : m.report_error_future();
		return { ok: false, form, errors: { [field]: [text] } };
	}
	return {
		ok: true,
		form,
		teamId: form.team || null,
		period,
		partnerKind: isOneOf(ORGANISATION_KINDS, form.partner) ? form.partner : null
	};
}

/** The THL follow-up's own filter: a team and a THL half-year (by its first day). */
export function parseThlFilter(params: URLSearchParams, today: string): ParsedFilter {
	const half = params.get('half') ?? '';
	const team = params.get('team') ?? '';
	if (half && !isCalendarDate(half))
		return {
			ok: false,
			form: { team: team.slice(0, 100), period: '', from: '', to: '', partner: '' },
			errors: { period: [m.error_choose_option()] }
		};
	const start = thlHalfYearOf(half || today).from;
	return parseReportFilter(new URLSearchParams({ team, period: `half_year:${start}` }), today);
}

export const figureKey = z.enum(FIGURE_KEYS);
export const parseFigureKey = (v: string | null): FigureKey | null => {
	const r = figureKey.safeParse(v);
	return r.success ? r.data : null;
};
