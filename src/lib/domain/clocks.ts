/**
 * The statutory clocks of a child's path (docs/domain.md §10; Child Welfare Act 417/2007,
 * counted as THL's guidance counts them). Pure date arithmetic on ISO dates: the caller
 * passes the Finnish date of today.
 *
 * - decision: whether to start a needs assessment, by the 7th working day after receipt
 *   (the day of receipt is not counted; the first day is the next working day);
 * - needs assessment: complete within three months of receipt;
 * - client plan (30 §): the first within the organisation's number of days of the client
 *   phase starting (the law: without delay), then on the review date the plan sets, at the
 *   latest a year after it was made;
 * - emergency placement (38 §): ends at the latest 30 days after the decision, unless a
 *   decision extends it by at most 30 days (once), and continues while a care-order
 *   application (43 §) is pending: the clock is met by that application or by the care
 *   order. It is the placement's end, not a time for an act, so it is a calendar date and
 *   is not moved to a working day (an earlier end would not be lawful either way).
 *
 * A calendar deadline that ends on a day off moves to the next working day (Act 150/1930
 * on the counting of statutory time limits), so every due date is a working day.
 */
import { addDays, isWorkingDay, workingDaysBetween } from './working-days';
import { dateParts } from './time';

/** Which days are working days: Finland's calendar unless a spec passes its own. */
export type Calendar = (date: string) => boolean;

export const CLOCK_KINDS = [
	'decision',
	'needs_assessment',
	'client_plan_review',
	'emergency_placement'
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** Working days left at which a running clock turns to "due soon". */
export const DUE_SOON_WORKING_DAYS = 5;
export const DECISION_WORKING_DAYS = 7;
export const NEEDS_ASSESSMENT_MONTHS = 3;
export const CLIENT_PLAN_REVIEW_MONTHS = 12;
/** The first client plan's days when the organisation has not set its own. */
export const FIRST_CLIENT_PLAN_DAYS = 30;
export const EMERGENCY_PLACEMENT_DAYS = 30;
/** One extension by a decision, of at most this many days past the first end (38 § 2). */
export const EMERGENCY_EXTENSION_MAX_DAYS = 30;

/** The first working day on or after `date`. */
export function onOrNextWorkingDay(date: string, working: Calendar = isWorkingDay): string {
	let d = date;
	while (!working(d)) d = addDays(d, 1);
	return d;
}

/** The n-th working day after `date`: the day itself is not counted. */
export function nthWorkingDayAfter(date: string, n: number, working: Calendar = isWorkingDay) {
	let d = date;
	for (let left = n; left > 0;) {
		d = addDays(d, 1);
		if (working(d)) left--;
	}
	return d;
}

/** The same day `months` later; the month's last day when it has no such day (31 Jan → 28 Feb). */
export function addMonths(date: string, months: number): string {
	const [y, m, d] = dateParts(date);
	const index = y * 12 + (m - 1) + months;
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** When the clock of `kind` started on `from` (receipt, or the plan's date) is due. */
export function dueDate(kind: ClockKind, from: string, working: Calendar = isWorkingDay): string {
	switch (kind) {
		case 'decision':
			return nthWorkingDayAfter(from, DECISION_WORKING_DAYS, working);
		case 'needs_assessment':
			return onOrNextWorkingDay(addMonths(from, NEEDS_ASSESSMENT_MONTHS), working);
		case 'client_plan_review':
			return onOrNextWorkingDay(addMonths(from, CLIENT_PLAN_REVIEW_MONTHS), working);
		case 'emergency_placement':
			return addDays(from, EMERGENCY_PLACEMENT_DAYS);
	}
}

/**
 * Whether an emergency placement that started on `startedOn` may be extended to `newEnd`
 * by a decision made on `decidedOn` (38 § 2): once, before the first end has passed, to a
 * day after the first end and at most 30 days past it. Returns the problem, or null.
 */
export function extensionProblem(
	clock: { startedOn: string; extendedOn: string | null },
	decidedOn: string,
	newEnd: string
): 'already_extended' | 'after_end' | 'too_long' | 'not_later' | null {
	const firstEnd = dueDate('emergency_placement', clock.startedOn);
	if (clock.extendedOn) return 'already_extended';
	if (decidedOn > firstEnd) return 'after_end';
	if (newEnd <= firstEnd) return 'not_later';
	if (newEnd > addDays(firstEnd, EMERGENCY_EXTENSION_MAX_DAYS)) return 'too_long';
	return null;
}

export type ClockState =
	| { state: 'running'; workingDaysLeft: number }
	| { state: 'due_soon'; workingDaysLeft: number }
	| { state: 'overdue'; workingDaysLate: number }
	| { state: 'met' }
	| { state: 'met_late'; workingDaysLate: number };

/**
 * Where a clock stands today. Met on or before the due date: met; met after it: met late,
 * and that lateness stays in the record. Running: the working days left (0 on the due day
 * itself, which still counts as in time), "due soon" within five.
 */
export function clockState(due: string, today: string, metOn: string | null = null): ClockState {
	if (metOn)
		return metOn <= due
			? { state: 'met' }
			: { state: 'met_late', workingDaysLate: Math.max(1, workingDaysBetween(due, metOn)) };
	if (today > due)
		return { state: 'overdue', workingDaysLate: Math.max(1, workingDaysBetween(due, today)) };
	const workingDaysLeft = workingDaysBetween(today, due);
	return workingDaysLeft <= DUE_SOON_WORKING_DAYS
		? { state: 'due_soon', workingDaysLeft }
		: { state: 'running', workingDaysLeft };
}

/** Whether a clock needs the team's eyes: due soon or overdue (the dashboard's filter). */
export const needsAttention = (c: ClockState) => c.state === 'due_soon' || c.state === 'overdue';

/** When the first client plan is due: `days` after the client phase started, on a working day. */
export function firstClientPlanDue(
	startedOn: string,
	days = FIRST_CLIENT_PLAN_DAYS,
	working: Calendar = isWorkingDay
): string {
	return onOrNextWorkingDay(addDays(startedOn, days), working);
}

/**
 * Why a plan made on `madeOn` cannot set `nextReviewOn` as its review, or null: the review
 * comes after the plan, and at the latest a year after it (30 §: at least once a year).
 */
export function reviewDateProblem(
	madeOn: string,
	nextReviewOn: string
): 'not_after' | 'too_late' | null {
	if (nextReviewOn <= madeOn) return 'not_after';
	if (nextReviewOn > addMonths(madeOn, CLIENT_PLAN_REVIEW_MONTHS)) return 'too_late';
	return null;
}
