/**
 * System-level reports (docs/domain.md §8): periods, the small-number rule and the cells a
 * report table shows. Pure: no I/O, today passed in.
 */
import { attack, recovered, type Published } from './disclosure';
import { numberText } from './numbers';
import { addDays, holidayDates } from './working-days';

export const PERIOD_KINDS = ['month', 'quarter', 'half_year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Dates are Finnish calendar dates, `YYYY-MM-DD`; `to` is inclusive. */
export type Period = { kind: PeriodKind; from: string; to: string };
export type Month = { month: string; from: string; to: string };

/** Counts of 1–4 are never shown: a child could be recognised from them (§8). */
export const SMALL_COUNT = 5;
/** A custom period is at most two years of months, so every chart stays readable. */
export const MAX_PERIOD_MONTHS = 24;

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (y: number, m: number) => {
	const d = new Date(Date.UTC(y, m - 1, 1));
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-01`;
};
const ymOf = (date: string) => [Number(date.slice(0, 4)), Number(date.slice(5, 7))] as const;

/** The last day of the month `date` is in. */
export function monthEnd(date: string): string {
	const [y, m] = ymOf(date);
	return addDays(monthStart(y, m + 1), -1);
}

/**
 * The month ends (last days, Helsinki) from the month of `first` whose colours may be kept
 * (ADR 047): those with a whole day after them gone by `today`, so that no request begun
 * before the month ended is still writing its history row.
 */
export function settledMonthEnds(first: string, today: string): string[] {
	const ends: string[] = [];
	for (let end = monthEnd(first); addDays(end, 2) <= today; end = monthEnd(addDays(end, 1)))
		ends.push(end);
	return ends;
}

/**
 * The THL half-year a date belongs to: 1 Apr–30 Sep, or 1 Oct–31 Mar (THL's follow-up of
 * statutory processing times). A half-year is named by the date it starts on.
 */
export function thlHalfYearOf(date: string): { from: string; to: string } {
	const [y, m] = ymOf(date);
	if (m >= 4 && m <= 9) return { from: `${y}-04-01`, to: `${y}-09-30` };
	const start = m >= 10 ? y : y - 1;
	return { from: `${start}-10-01`, to: monthEnd(`${start + 1}-03-01`) };
}

/** The last `count` THL half-years that have started by `today`, newest first. */
export function thlHalfYears(today: string, count = 6): { from: string; to: string }[] {
	const out = [thlHalfYearOf(today)];
	while (out.length < count) out.push(thlHalfYearOf(addDays(out[out.length - 1]!.from, -1)));
	return out;
}

/**
 * The period of `kind` that holds `anchor` (for a custom period, `anchor` to `until`).
 * Quarters are calendar quarters; half-years are THL's, so the two reports agree.
 */
export function periodOf(kind: PeriodKind, anchor: string, until?: string): Period {
	const [y, m] = ymOf(anchor);
	if (kind === 'month') return { kind, from: monthStart(y, m), to: monthEnd(anchor) };
	if (kind === 'quarter') {
		const first = m - ((m - 1) % 3);
		return { kind, from: monthStart(y, first), to: monthEnd(monthStart(y, first + 2)) };
	}
	if (kind === 'half_year') return { kind, ...thlHalfYearOf(anchor) };
	const to = until && until >= anchor ? until : anchor;
	return { kind, from: anchor, to };
}

/**
 * Why a period cannot be shown where the small-number rule applies (§8 revised), or null:
 * only whole calendar quarters that have ended. No custom range and no running quarter, so
 * that no two views differ by a few days; and one size of period only, so that no period
 * is the sum of others shown beside it (a quarter minus two of its months gives the third).
 */
export function wholePeriodProblem(p: Period, today: string): 'not_quarter' | 'not_ended' | null {
	if (p.kind !== 'quarter') return 'not_quarter';
	if (p.to >= today) return 'not_ended';
	return null;
}

/** Why a period cannot be reported, or null. */
export function periodProblem(p: Period, today: string): 'starts_in_future' | 'too_long' | null {
	if (p.from > today) return 'starts_in_future';
	if (monthsOf(p).length > MAX_PERIOD_MONTHS) return 'too_long';
	return null;
}

/** The calendar months a period touches, each cut to the period (and to today). */
export function monthsOf(p: Period, today?: string): Month[] {
	const last = today && today < p.to ? today : p.to;
	const out: Month[] = [];
	let [y, m] = ymOf(p.from);
	for (;;) {
		const start = monthStart(y, m);
		if (start > last) break;
		const end = monthEnd(start);
		out.push({
			month: start.slice(0, 7),
			from: start < p.from ? p.from : start,
			to: end > last ? last : end
		});
		m += 1;
		if (m > 12) [y, m] = [y + 1, 1];
		if (out.length > MAX_PERIOD_MONTHS + 1) break;
	}
	return out;
}

/** Weekday holidays (the working-day rule's) from `from`'s year to `to`'s, for SQL. */
export function holidaysBetween(from: string, to: string): string[] {
	const out: string[] = [];
	for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
		out.push(...holidayDates(y));
	return out.sort();
}

/** A value a report computes, before the small-number rule. */
export type Value =
	| { kind: 'count'; n: number }
	/** `part` of `base`: a share; shown only when `base` is at least SMALL_COUNT. */
	| { kind: 'share'; part: number; base: number }
	/** A median of `base` cases (working days); shown only over SMALL_COUNT cases or more. */
	| { kind: 'median'; value: number | null; base: number };

/** What a table cell shows: a number, "< 5", or "not shown" (`hidden`). */
export type Shown =
	| { kind: 'number'; n: number; unit: 'count' | 'percent' | 'days' }
	| { kind: 'small' }
	| { kind: 'hidden' };

/** A report's rows of values; `sums` says which cells are totals of which others. */
/** A cell of a table, by its row and column. */
export type Cell = [row: number, column: number];
/** A total cell and the cells it is the exact sum of. */
export type Sum = { total: Cell; parts: Cell[] };

export type Grid = {
	rows: Value[][];
	sums?: Sum[];
};

const isSmall = (n: number) => n > 0 && n < SMALL_COUNT;

/**
 * A table as it is, for those who may see it exactly (§8 revised): a team's own members,
 * who know every child already, and the THL return for those who send it. A share or a
 * median of nothing is still not a number.
 */
export function exactly(grid: Grid): Shown[][] {
	return grid.rows.map((row) =>
		row.map((v): Shown => {
			if (v.kind === 'count') return { kind: 'number', n: v.n, unit: 'count' };
			if (v.base === 0) return { kind: 'hidden' };
			if (v.kind === 'share')
				return { kind: 'number', n: Math.round((100 * v.part) / v.base), unit: 'percent' };
			return v.value === null
				? { kind: 'hidden' }
				: { kind: 'number', n: Math.round(v.value * 10) / 10, unit: 'days' };
		})
	);
}

/**
 * Across the team boundary every count of 5 or more is shown to the nearest five (§8
 * revised, ADR 033). Hiding cells one table at a time cannot hold across every view a
 * person can ask for (periods inside periods, one team and all teams, one kind of partner
 * and all): a whole quarter minus its two other months gives the third. With every number
 * a multiple of five, any sum or difference of them is a multiple of five too, so no
 * subtraction across views can land on a count of 1–4.
 */
export const ROUND_TO = 5;
export const roundedCount = (n: number) =>
	Math.max(SMALL_COUNT, Math.round(n / ROUND_TO) * ROUND_TO);
/** A share crossing the boundary, to the nearest five percentage points. */
const roundedPercent = (part: number, base: number) =>
	Math.round((100 * part) / base / ROUND_TO) * ROUND_TO;
/** 0, or at least SMALL_COUNT: a part a share may be made of without giving a small count away. */
const safePart = (n: number) => n === 0 || n >= SMALL_COUNT;

/**
 * The small-number rule (§8) over a whole table, for figures that cross the team boundary.
 * Counts of 1–4 show as "< 5" and the rest to the nearest five; a share is shown only when
 * neither its part nor the rest of its base is 1–4 (a share of a known base is a count),
 * itself to the nearest five points; a median over fewer than 5 cases is not shown. Where
 * a total is shown beside its parts and exactly one part is closed, the smallest other
 * non-zero part is hidden as well (secondary suppression), so that not even a range
 * narrower than the rounding is given by subtraction within one table.
 */
export function protect(grid: Grid): Shown[][] {
	const shown: Shown[][] = grid.rows.map((row) =>
		row.map((v): Shown => {
			if (v.kind === 'count')
				return isSmall(v.n)
					? { kind: 'small' }
					: { kind: 'number', n: v.n === 0 ? 0 : roundedCount(v.n), unit: 'count' };
			if (v.base < SMALL_COUNT) return { kind: 'hidden' };
			if (v.kind === 'share')
				return safePart(v.part) && safePart(v.base - v.part)
					? { kind: 'number', n: roundedPercent(v.part, v.base), unit: 'percent' }
					: { kind: 'hidden' };
			return v.value === null
				? { kind: 'hidden' }
				: { kind: 'number', n: Math.round(v.value * 10) / 10, unit: 'days' };
		})
	);
	const at = ([r, c]: [number, number]) => shown[r]![c]!;
	const countAt = ([r, c]: [number, number]) => {
		const v = grid.rows[r]![c]!;
		return v.kind === 'count' ? v.n : 0;
	};
	/** Close the smallest open non-zero cell of a sum; false when there is none. */
	const closeOne = (cells: [number, number][]) => {
		const pick = cells
			.filter((c) => at(c).kind === 'number' && countAt(c) > 0)
			.sort((a, b) => countAt(a) - countAt(b))[0];
		if (!pick) return false;
		shown[pick[0]]![pick[1]] = { kind: 'hidden' };
		return true;
	};
	/** Close a "< 5" of a sum, one that is not itself pinned if there is one. */
	const closeSmall = (cells: [number, number][], pinned: Set<string>) => {
		const small = cells.filter((c) => at(c).kind === 'small');
		const pick = small.find((c) => !pinned.has(`${c[0]}:${c[1]}`)) ?? small[0];
		if (!pick) return false;
		shown[pick[0]]![pick[1]] = { kind: 'hidden' };
		return true;
	};
	// Only the sums that hold: one that did not (a figure whose parts missed a case) would have
	// the attacker below reason from a falsehood, narrow to nothing and never settle.
	const sums = (grid.sums ?? []).filter(
		(s) => countAt(s.total) === s.parts.reduce((sum, p) => sum + countAt(p), 0)
	);
	// Repeat until nothing changes: hiding a part of one sum can expose another.
	for (let changed = true; changed;) {
		changed = false;
		for (const s of sums) {
			const cells = [s.total, ...s.parts];
			// One cell alone is closed: it follows from the others. Close the smallest other.
			if (cells.filter((c) => at(c).kind !== 'number').length === 1 && closeOne(cells))
				changed = true;
		}
	}
	// Then the attacker's own reading of the table: where the rounded numbers and the
	// ranges of "< 5" still pin a small count to one value (8 = "< 5" + "< 5" gives 4 + 4),
	// close one more cell of a sum it is in, until nothing is pinned.
	const id = ([r, c]: [number, number]) => `${r}:${c}`;
	const relations = sums.map((s) => ({ total: id(s.total), parts: s.parts.map(id) }));
	// Each round closes at least one more cell or ends, so it ends within the table's size.
	for (
		let round = 0;
		round <= shown.length * (shown[0]?.length ?? 0) && relations.length;
		round++
	) {
		const published = new Map<string, Published>();
		const truth = new Map<string, number>();
		grid.rows.forEach((row, r) =>
			row.forEach((v, c) => {
				if (v.kind !== 'count') return;
				published.set(id([r, c]), at([r, c]));
				truth.set(id([r, c]), v.n);
			})
		);
		const pinned = recovered(truth, attack(published, relations, 'rounded'));
		if (!pinned.length) break;
		const isPinned = new Set(pinned);
		// One cell of every sum that pins: a number if it has one open, else a "< 5" (whose
		// lower bound of 1 is itself what pins, as in 3 teams of "< 5" under a sum of 3). A
		// cell may be the total of several sums (a team's total and the sum over teams).
		let closed = false;
		sums.forEach((s, i) => {
			const x = relations[i]!;
			if (![x.total, ...x.parts].some((c) => isPinned.has(c))) return;
			const cells = [s.total, ...s.parts];
			if (closeOne(cells) || closeSmall(cells, isPinned)) closed = true;
		});
		if (!closed) break;
	}
	return shown;
}

/**
 * The small-number rule over every team's table and their sum together (ADR 033): whoever
 * may read each team's figure and all teams' can subtract across those views, so the cells
 * to close are decided over all of them at once, as one table in which each cell of the sum
 * is the total of that cell of every team (`additive`: the figure's counts do add up over
 * teams). Every view a person reads is then a slice of one protected whole. The tables
 * must have the same shape (one figure over one period).
 */
export function protectAcross(
	teams: Grid[],
	all: Grid,
	additive: boolean
): { teams: Shown[][][]; all: Shown[][] } {
	const height = all.rows.length;
	const width = all.rows[0]?.length ?? 0;
	if (teams.some((g) => g.rows.length !== height || g.rows.some((row) => row.length !== width)))
		throw new Error('protectAcross: tables of different shapes');
	const blocks = [...teams, all];
	const at = (k: number, [r, c]: [number, number]): [number, number] => [k * height + r, c];
	const sums = blocks.flatMap((g, k) =>
		(g.sums ?? []).map((s) => ({ total: at(k, s.total), parts: s.parts.map((p) => at(k, p)) }))
	);
	if (additive && teams.length)
		all.rows.forEach((row, r) =>
			row.forEach((v, c) => {
				if (v.kind === 'count')
					sums.push({ total: at(teams.length, [r, c]), parts: teams.map((_, k) => at(k, [r, c])) });
			})
		);
	const shown = protect({ rows: blocks.flatMap((g) => g.rows), sums });
	return {
		teams: teams.map((_, k) => shown.slice(k * height, (k + 1) * height)),
		all: shown.slice(teams.length * height)
	};
}

/** A cell as text, the same on the page and in the CSV. */
export function shownText(s: Shown, locale: 'fi' | 'sv' | 'en' = 'fi'): string {
	if (s.kind === 'small') return '< 5';
	if (s.kind === 'hidden') return '..';
	const n = numberText(s.n, locale);
	return s.unit === 'percent' ? `${n} %` : n;
}

/** The number a chart may draw for a cell: none for a small or hidden one. */
export const chartable = (s: Shown): number | null => (s.kind === 'number' ? s.n : null);

/** The periods a report offers: the last 24 months, 8 quarters and 6 THL half-years. */
export function periodChoices(today: string): Record<'month' | 'quarter' | 'half_year', Period[]> {
	const back = (kind: 'month' | 'quarter' | 'half_year', count: number) => {
		const out = [periodOf(kind, today)];
		while (out.length < count) out.push(periodOf(kind, addDays(out[out.length - 1]!.from, -1)));
		return out;
	};
	return { month: back('month', 24), quarter: back('quarter', 8), half_year: back('half_year', 6) };
}
