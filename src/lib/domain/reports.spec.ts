import { describe, expect, it } from 'vitest';
import {
	holidaysBetween,
	periodChoices,
	monthsOf,
	periodOf,
	periodProblem,
	protect,
	settledMonthEnds,
	shownText,
	thlHalfYearOf,
	thlHalfYears,
	wholePeriodProblem,
	type Value
} from './reports';

const count = (n: number): Value => ({ kind: 'count', n });

describe('periods', () => {
	it('finds the month, calendar quarter and THL half-year that hold a date', () => {
		expect(periodOf('month', '2026-02-14')).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
		expect(periodOf('month', '2028-02-03').to).toBe('2028-02-29');
		expect(periodOf('quarter', '2026-05-31')).toMatchObject({
			from: '2026-04-01',
			to: '2026-06-30'
		});
		expect(periodOf('quarter', '2026-12-01')).toMatchObject({
			from: '2026-10-01',
			to: '2026-12-31'
		});
		expect(periodOf('half_year', '2026-09-30')).toMatchObject({
			from: '2026-04-01',
			to: '2026-09-30'
		});
		expect(periodOf('half_year', '2026-10-01')).toMatchObject({
			from: '2026-10-01',
			to: '2027-03-31'
		});
		expect(periodOf('half_year', '2027-03-31')).toMatchObject({
			from: '2026-10-01',
			to: '2027-03-31'
		});
		expect(periodOf('custom', '2026-03-05', '2026-04-02')).toMatchObject({
			from: '2026-03-05',
			to: '2026-04-02'
		});
		// An end before the start is read as a one-day period.
		expect(periodOf('custom', '2026-03-05', '2026-03-01').to).toBe('2026-03-05');
	});

	it('names the THL half-years back from today, newest first', () => {
		expect(thlHalfYearOf('2027-01-15')).toEqual({ from: '2026-10-01', to: '2027-03-31' });
		expect(thlHalfYears('2026-12-03', 3)).toEqual([
			{ from: '2026-10-01', to: '2027-03-31' },
			{ from: '2026-04-01', to: '2026-09-30' },
			{ from: '2025-10-01', to: '2026-03-31' }
		]);
	});

	it('splits a period into its months, cut to the period and to today', () => {
		expect(monthsOf(periodOf('custom', '2026-01-20', '2026-03-10'))).toEqual([
			{ month: '2026-01', from: '2026-01-20', to: '2026-01-31' },
			{ month: '2026-02', from: '2026-02-01', to: '2026-02-28' },
			{ month: '2026-03', from: '2026-03-01', to: '2026-03-10' }
		]);
		expect(monthsOf(periodOf('half_year', '2026-11-01'), '2026-12-03')).toEqual([
			{ month: '2026-10', from: '2026-10-01', to: '2026-10-31' },
			{ month: '2026-11', from: '2026-11-01', to: '2026-11-30' },
			{ month: '2026-12', from: '2026-12-01', to: '2026-12-03' }
		]);
	});

	it('refuses a period that starts after today or runs over two years', () => {
		expect(periodProblem(periodOf('month', '2027-01-01'), '2026-12-03')).toBe('starts_in_future');
		expect(periodProblem(periodOf('custom', '2024-01-01', '2026-01-31'), '2026-12-03')).toBe(
			'too_long'
		);
		expect(periodProblem(periodOf('custom', '2024-02-01', '2026-01-31'), '2026-12-03')).toBeNull();
	});

	it('lists the holidays of every year a period touches', () => {
		const h = holidaysBetween('2025-12-01', '2026-01-31');
		expect(h).toContain('2025-12-24');
		expect(h).toContain('2026-01-06');
		expect(h).not.toContain('2027-01-01');
	});
});

describe('settled month ends (ADR 047)', () => {
	it('lists the months from the first one whose next day is over, in order', () => {
		expect(settledMonthEnds('2026-01-15', '2026-04-01')).toEqual(['2026-01-31', '2026-02-28']);
		// 31 March settles once 1 April has gone by.
		expect(settledMonthEnds('2026-01-15', '2026-04-02')).toEqual([
			'2026-01-31',
			'2026-02-28',
			'2026-03-31'
		]);
		// Over a year's end and a leap February.
		expect(settledMonthEnds('2027-12-01', '2028-03-05')).toEqual([
			'2027-12-31',
			'2028-01-31',
			'2028-02-29'
		]);
	});

	it('lists nothing while the first month has not settled', () => {
		expect(settledMonthEnds('2026-03-10', '2026-04-01')).toEqual([]);
		expect(settledMonthEnds('2026-12-06', '2026-12-06')).toEqual([]);
	});
});

describe('the small-number rule', () => {
	it('shows 0, 1–4 as "< 5", and 5 or more to the nearest five', () => {
		const counts = [0, 1, 4, 5, 7, 8, 120, 123].map(count);
		const [row] = protect({ rows: [counts] });
		expect(row!.map((s) => shownText(s))).toEqual([
			'0',
			'< 5',
			'< 5',
			'5',
			'5',
			'10',
			'120',
			'125'
		]);
	});

	it('hides a share or median over fewer than five cases', () => {
		const [row] = protect({
			rows: [
				[
					{ kind: 'share', part: 3, base: 4 },
					{ kind: 'median', value: 2.25, base: 4 },
					{ kind: 'median', value: 2.25, base: 9 },
					{ kind: 'share', part: 0, base: 0 }
				]
			]
		});
		expect(row!.map((s) => shownText(s))).toEqual(['..', '..', '2,3', '..']);
	});

	it('shows a share only when neither its part nor the rest is 1–4, to the nearest five points', () => {
		const share = (part: number, base: number) => ({ kind: 'share', part, base }) as const;
		// 3 of 5 is a count of 3; 7 of 9 leaves 2; 6 of 13 is 46 %, shown as 45 %.
		const [row] = protect({
			rows: [[share(3, 5), share(7, 9), share(5, 10), share(6, 13), share(0, 7), share(7, 7)]]
		});
		expect(row!.map((s) => shownText(s))).toEqual(['..', '..', '50 %', '45 %', '0 %', '100 %']);
	});

	it('hides the smallest other part when one small part could be worked out from its total', () => {
		// Total 9 = raised 2 + lowered 7: 7 shown would give 2 away.
		const [row] = protect({
			rows: [[count(9), count(2), count(7)]],
			sums: [
				{
					total: [0, 0],
					parts: [
						[0, 1],
						[0, 2]
					]
				}
			]
		});
		expect(row!.map((s) => shownText(s))).toEqual(['10', '< 5', '..']);
	});

	it('leaves a sum alone when two of its cells are already closed', () => {
		const [row] = protect({
			rows: [[count(7), count(3), count(4)]],
			sums: [
				{
					total: [0, 0],
					parts: [
						[0, 1],
						[0, 2]
					]
				}
			]
		});
		expect(row!.map((s) => shownText(s))).toEqual(['5', '< 5', '< 5']);
	});

	it('hides a total whose small parts could only be as large as they can be', () => {
		// 8 = 4 + 4: "10" means 8–12 and each "< 5" at most 4, so both would be 4.
		const [row] = protect({
			rows: [[count(8), count(4), count(4)]],
			sums: [
				{
					total: [0, 0],
					parts: [
						[0, 1],
						[0, 2]
					]
				}
			]
		});
		expect(row!.map((s) => shownText(s))).toEqual(['..', '< 5', '< 5']);
	});

	it('follows a hidden cell into the next sum it belongs to', () => {
		// Rows: a = b + c, and c = d + e. b is small, so c is hidden; then c's sum has one
		// closed cell and the smaller of d and e is hidden too.
		const shown = protect({
			rows: [[count(30)], [count(2)], [count(28)], [count(10)], [count(18)]],
			sums: [
				{
					total: [0, 0],
					parts: [
						[1, 0],
						[2, 0]
					]
				},
				{
					total: [2, 0],
					parts: [
						[3, 0],
						[4, 0]
					]
				}
			]
		});
		expect(shown.map((r) => shownText(r[0]!))).toEqual(['30', '< 5', '..', '..', '20']);
	});

	it('formats numbers in the reader’s language', () => {
		const s = { kind: 'number', n: 1234.5, unit: 'days' } as const;
		expect(shownText(s, 'en')).toBe('1,234.5');
		expect(shownText(s, 'fi')).toBe('1\u00a0234,5');
	});
});

describe('period choices', () => {
	it('offers 24 months, 8 quarters and 6 half-years back from today', () => {
		const c = periodChoices('2026-12-03');
		expect(c.month).toHaveLength(24);
		expect(c.month[0]).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
		expect(c.month[23]).toMatchObject({ from: '2025-01-01' });
		expect(c.quarter.map((p) => p.from).slice(0, 3)).toEqual([
			'2026-10-01',
			'2026-07-01',
			'2026-04-01'
		]);
		expect(c.half_year.map((p) => p.from).slice(0, 2)).toEqual(['2026-10-01', '2026-04-01']);
	});
});

describe('whole periods where the small-number rule applies (§8)', () => {
	it('allows a calendar quarter that has ended, never a month, half-year, custom range or running quarter', () => {
		const today = '2026-11-28';
		expect(wholePeriodProblem(periodOf('quarter', '2026-07-01'), today)).toBeNull();
		expect(wholePeriodProblem(periodOf('quarter', '2026-10-01'), today)).toBe('not_ended');
		// A month or half-year beside the quarters would let one be worked out from the others.
		expect(wholePeriodProblem(periodOf('month', '2026-10-01'), today)).toBe('not_quarter');
		expect(wholePeriodProblem(periodOf('half_year', '2026-04-01'), today)).toBe('not_quarter');
		expect(wholePeriodProblem(periodOf('custom', '2025-01-01', '2026-10-31'), today)).toBe(
			'not_quarter'
		);
	});
});
