import { describe, expect, it } from 'vitest';
import {
	addDays,
	addWorkingDays,
	easterSunday,
	finnishHolidays,
	isWorkingDay,
	workingDaysBetween
} from './working-days';

describe('Easter and the holidays that move with it', () => {
	it.each([
		[2024, '2024-03-31'],
		[2025, '2025-04-20'],
		[2026, '2026-04-05'],
		[2027, '2027-03-28'],
		[2038, '2038-04-25']
	])('Easter %i is %s', (year, date) => {
		expect(easterSunday(year)).toBe(date);
	});

	it('2026: Good Friday, Easter Monday, Ascension Day, Midsummer Eve, All Saints’ Day', () => {
		const h = finnishHolidays(2026);
		expect(h['2026-04-03']).toBe('good_friday');
		expect(h['2026-04-06']).toBe('easter_monday');
		expect(h['2026-05-14']).toBe('ascension_day');
		expect(h['2026-06-19']).toBe('midsummer_eve');
		expect(h['2026-06-20']).toBe('midsummer_day');
		expect(h['2026-10-31']).toBe('all_saints_day');
	});
});

describe('working days', () => {
	it.each([
		['2026-11-20', true, 'a Friday'],
		['2026-11-21', false, 'a Saturday'],
		['2026-11-22', false, 'a Sunday'],
		['2026-12-07', true, 'the Monday after Independence Day (a Sunday in 2026)'],
		['2026-12-24', false, 'Christmas Eve'],
		['2027-01-06', false, 'Epiphany'],
		['2026-04-03', false, 'Good Friday'],
		['2026-04-06', false, 'Easter Monday'],
		['2026-05-01', false, 'May Day'],
		['2026-05-14', false, 'Ascension Day'],
		['2026-06-19', false, 'Midsummer Eve']
	])('%s is a working day: %s (%s)', (date, expected) => {
		expect(isWorkingDay(date)).toBe(expected);
	});
});

describe('triage deadlines', () => {
	it.each([
		['Monday + 1', '2026-11-16', 1, '2026-11-17'],
		['Friday + 1 skips the weekend', '2026-11-20', 1, '2026-11-23'],
		['Saturday + 1', '2026-11-21', 1, '2026-11-23'],
		['Monday + 5 is the next Monday', '2026-11-16', 5, '2026-11-23'],
		[
			'Thursday before Easter + 1 skips Good Friday to Easter Monday',
			'2026-04-02',
			1,
			'2026-04-07'
		],
		['Wednesday before Ascension + 1', '2026-05-13', 1, '2026-05-15'],
		['over Christmas and the year boundary', '2026-12-23', 5, '2027-01-04'],
		['New Year and Epiphany', '2026-12-31', 3, '2027-01-07'],
		['Easter in March (2027)', '2027-03-25', 1, '2027-03-30']
	])('%s', (_name, from, n, due) => {
		expect(addWorkingDays(from, n)).toBe(due);
	});
});

describe('working days between two dates', () => {
	/** The plain count, one day at a time: what the fast count must equal. */
	const dayByDay = (from: string, to: string) => {
		let n = 0;
		for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
		return n;
	};

	it.each([
		['2026-12-04', '2026-12-08', 2], // Fri → Tue over a weekend (Independence Day is a Sunday)
		['2026-12-23', '2027-01-07', 7], // Christmas, New Year and Epiphany
		['2026-04-02', '2026-04-07', 1], // Good Friday and Easter Monday
		['2026-06-18', '2026-06-22', 1], // Midsummer Eve
		['2026-12-08', '2026-12-08', 0],
		['2026-12-08', '2026-12-01', 0]
	])('%s → %s: %i', (from, to, n) => {
		expect(workingDaysBetween(from, to)).toBe(n);
	});

	it('equals the day-by-day count on 500 random spans, across years', () => {
		let seed = 7;
		const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		for (let i = 0; i < 500; i++) {
			const from = addDays('2024-01-01', Math.floor(next() * 1500));
			const to = addDays(from, Math.floor(next() * 500) - 20);
			expect(workingDaysBetween(from, to), `${from} → ${to}`).toBe(dayByDay(from, to));
		}
	});
});
