import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addMonths,
	CLOCK_KINDS,
	clockState,
	dueDate,
	extensionProblem,
	firstClientPlanDue,
	reviewDateProblem,
	needsAttention,
	type Calendar
} from './clocks';
import { addDays, isWorkingDay, workingDaysBetween } from './working-days';

describe('the 7-working-day decision', () => {
	it.each([
		// THL's worked example: received on a Tuesday, due on the next week's Thursday.
		['2026-11-10', '2026-11-19', 'a Tuesday, no holidays'],
		['2026-11-13', '2026-11-24', 'a Friday: the weekend is not counted'],
		['2026-11-14', '2026-11-24', 'a Saturday: counting starts on Monday'],
		['2027-03-24', '2027-04-06', 'over Easter: Good Friday and Easter Monday'],
		['2026-12-21', '2027-01-04', 'over Christmas: the Eve, Christmas, Boxing Day, New Year'],
		['2027-06-21', '2027-07-01', 'over Midsummer: the Eve (a Friday)'],
		['2026-12-03', '2026-12-14', 'over Independence Day (a Sunday in 2026)'],
		['2027-12-03', '2027-12-15', 'over Independence Day (a Monday in 2027)']
	])('received %s → due %s (%s)', (received, due) => {
		expect(dueDate('decision', received)).toBe(due);
	});
});

describe('the three-month needs assessment and the yearly client plan', () => {
	it.each([
		['2026-12-02', '2027-03-02', 'the same date three months on'],
		['2026-11-30', '2027-03-01', 'no 30 February: the 28th, a Sunday, so Monday'],
		['2027-01-31', '2027-04-30', 'no 31 April: the 30th'],
		['2026-10-06', '2027-01-07', '6 January is Epiphany: the next working day']
	])('needs assessment received %s → due %s (%s)', (received, due) => {
		expect(dueDate('needs_assessment', received)).toBe(due);
	});

	it.each([
		['2026-03-02', '2027-03-02'],
		['2024-02-29', '2025-02-28'],
		['2026-12-24', '2027-12-27']
	])('client plan made %s → reviewed by %s', (made, due) => {
		expect(dueDate('client_plan_review', made)).toBe(due);
	});

	it('adds months across years and to month ends', () => {
		expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
		expect(addMonths('2028-11-30', 3)).toBe('2029-02-28');
		expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
	});
});

describe('where a clock stands', () => {
	const due = '2026-11-19'; // a Thursday
	it.each([
		['2026-11-10', null, { state: 'running', workingDaysLeft: 7 }],
		['2026-11-11', null, { state: 'running', workingDaysLeft: 6 }],
		['2026-11-12', null, { state: 'due_soon', workingDaysLeft: 5 }],
		['2026-11-19', null, { state: 'due_soon', workingDaysLeft: 0 }],
		['2026-11-20', null, { state: 'overdue', workingDaysLate: 1 }],
		['2026-11-23', null, { state: 'overdue', workingDaysLate: 2 }],
		['2026-11-22', null, { state: 'overdue', workingDaysLate: 1 }],
		['2026-12-01', '2026-11-19', { state: 'met' }],
		['2026-12-01', '2026-11-12', { state: 'met' }],
		['2026-12-01', '2026-11-24', { state: 'met_late', workingDaysLate: 3 }]
	] as const)('today %s, met %s → %o', (today, met, expected) => {
		expect(clockState(due, today, met)).toEqual(expected);
	});

	it('keeps the lateness of a clock met late, whatever the day', () => {
		for (const today of ['2026-11-25', '2027-06-01', '2030-01-01'])
			expect(clockState(due, today, '2026-11-24')).toEqual({
				state: 'met_late',
				workingDaysLate: 3
			});
	});

	it('asks for attention when due soon or overdue, not when running or met', () => {
		expect(needsAttention(clockState(due, '2026-11-12'))).toBe(true);
		expect(needsAttention(clockState(due, '2026-11-25'))).toBe(true);
		expect(needsAttention(clockState(due, '2026-11-10'))).toBe(false);
		expect(needsAttention(clockState(due, '2026-11-25', '2026-11-18'))).toBe(false);
	});
});

describe('properties of every clock', () => {
	const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2020-01-01', n));
	const kind = fc.constantFrom(...CLOCK_KINDS);

	it('always falls due on a working day, after the day it started (a placement ends on its day)', () => {
		fc.assert(
			fc.property(kind, day, (k, from) => {
				const due = dueDate(k, from);
				if (k !== 'emergency_placement') expect(isWorkingDay(due)).toBe(true);
				expect(due > from).toBe(true);
			})
		);
	});

	it('is never made earlier by one more holiday', () => {
		fc.assert(
			fc.property(kind, day, fc.integer({ min: 0, max: 400 }), (k, from, offset) => {
				const extra = addDays(from, offset);
				const withHoliday: Calendar = (d) => d !== extra && isWorkingDay(d);
				expect(dueDate(k, from, withHoliday) >= dueDate(k, from)).toBe(true);
			})
		);
	});

	it('decides within exactly seven working days', () => {
		fc.assert(
			fc.property(day, (from) => {
				expect(workingDaysBetween(from, dueDate('decision', from))).toBe(7);
			})
		);
	});
});

describe('an emergency placement (38 §)', () => {
	it('ends 30 days after the decision, on that calendar day', () => {
		expect(dueDate('emergency_placement', '2026-11-01')).toBe('2026-12-01');
		// A Saturday end stays a Saturday: the placement ends, it is not a time for an act.
		expect(dueDate('emergency_placement', '2026-11-05')).toBe('2026-12-05');
	});

	it('is extended once, before its end, by at most 30 days', () => {
		const c = { startedOn: '2026-11-01', extendedOn: null };
		expect(extensionProblem(c, '2026-11-28', '2026-12-31')).toBeNull();
		expect(extensionProblem(c, '2026-11-28', '2027-01-01')).toBe('too_long');
		expect(extensionProblem(c, '2026-11-28', '2026-12-01')).toBe('not_later');
		expect(extensionProblem(c, '2026-12-02', '2026-12-20')).toBe('after_end');
		expect(extensionProblem({ ...c, extendedOn: '2026-11-20' }, '2026-11-28', '2026-12-20')).toBe(
			'already_extended'
		);
	});
});

describe('the client plan (30 §)', () => {
	it('is first due the organisation’s days after the client phase starts, on a working day', () => {
		// 1 June 2026 + 30 days is Wednesday 1 July.
		expect(firstClientPlanDue('2026-06-01')).toBe('2026-07-01');
		// 5 December + 30 days is Sunday 4 January: the next working day is Monday 5 January.
		expect(firstClientPlanDue('2025-12-05')).toBe('2026-01-05');
		expect(firstClientPlanDue('2026-06-01', 14)).toBe('2026-06-15');
	});

	it('sets its next review after the plan and at the latest a year after it', () => {
		expect(reviewDateProblem('2026-06-01', '2026-12-01')).toBeNull();
		expect(reviewDateProblem('2026-06-01', '2027-06-01')).toBeNull();
		expect(reviewDateProblem('2026-06-01', '2027-06-02')).toBe('too_late');
		expect(reviewDateProblem('2026-06-01', '2026-06-01')).toBe('not_after');
	});
});
