/**
 * Working days in Finland, for triage deadlines (docs/domain.md §6). Pure date arithmetic on ISO
 * dates (YYYY-MM-DD), no clock and no time zone: the caller passes today's Finnish date.
 *
 * Not working days: Saturdays, Sundays, the public holidays of the Finnish calendar that
 * fall on weekdays, and Midsummer Eve and Christmas Eve, which are days off by collective
 * agreement in municipal work.
 */

const iso = (y: number, m: number, d: number) =>
	`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
	const d = utc(date);
	d.setUTCDate(d.getUTCDate() + days);
	return fmt(d);
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return iso(year, month, day);
}

/** The Saturday (or Friday, for the Eve) between 19 and 26 June. */
function midsummer(year: number, weekday: 5 | 6): string {
	for (let d = 19; d <= 26; d++) {
		if (utc(iso(year, 6, d)).getUTCDay() === weekday) return iso(year, 6, d);
	}
	throw new Error('unreachable');
}

/** Finnish public holidays and the two customary Eves, by name, for one year. */
export function finnishHolidays(year: number): Record<string, string> {
	const easter = easterSunday(year);
	return {
		[iso(year, 1, 1)]: 'new_year',
		[iso(year, 1, 6)]: 'epiphany',
		[addDays(easter, -2)]: 'good_friday',
		[easter]: 'easter_sunday',
		[addDays(easter, 1)]: 'easter_monday',
		[iso(year, 5, 1)]: 'may_day',
		[addDays(easter, 39)]: 'ascension_day',
		[addDays(easter, 49)]: 'whitsunday',
		[midsummer(year, 5)]: 'midsummer_eve',
		[midsummer(year, 6)]: 'midsummer_day',
		// All Saints' Day: the Saturday between 31 October and 6 November.
		[[...Array(7).keys()]
			.map((i) => addDays(iso(year, 10, 31), i))
			.find((d) => utc(d).getUTCDay() === 6)!]: 'all_saints_day',
		[iso(year, 12, 6)]: 'independence_day',
		[iso(year, 12, 24)]: 'christmas_eve',
		[iso(year, 12, 25)]: 'christmas_day',
		[iso(year, 12, 26)]: 'boxing_day'
	};
}

const cache = new Map<number, Record<string, string>>();
function holidaysOf(year: number) {
	let h = cache.get(year);
	if (!h) cache.set(year, (h = finnishHolidays(year)));
	return h;
}

/** The year's holiday dates, worked out once per year (the reports ask on every figure). */
export function holidayDates(year: number): readonly string[] {
	return Object.keys(holidaysOf(year));
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days since 1970-01-01 (a Thursday), so a weekday is arithmetic, not a Date. */
const dayNumber = (date: string) =>
	Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
	DAY_MS;
const holidayNumbers = new Map<number, ReadonlySet<number>>();
function holidayNumbersOf(year: number) {
	let h = holidayNumbers.get(year);
	if (!h) holidayNumbers.set(year, (h = new Set(holidayDates(year).map(dayNumber))));
	return h;
}

/**
 * Working days after `from` up to and including `to` (0 when `to` ≤ `from`). Counted over day
 * numbers: every clock on a dashboard asks, and a Date and a string per day cost more than
 * the rest of the row.
 */
export function workingDaysBetween(from: string, to: string): number {
	const a = dayNumber(from);
	const b = dayNumber(to);
	if (!(b > a)) return 0;
	const years: ReadonlySet<number>[] = [];
	for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
		years.push(holidayNumbersOf(y));
	let n = 0;
	for (let d = a + 1; d <= b; d++) {
		// 1970-01-01 was a Thursday: (d + 4) % 7 is 0 on Sundays, 6 on Saturdays.
		const weekday = (d + 4) % 7;
		if (weekday !== 0 && weekday !== 6 && !years.some((h) => h.has(d))) n++;
	}
	return n;
}

export function isWorkingDay(date: string): boolean {
	const day = utc(date).getUTCDay();
	if (day === 0 || day === 6) return false;
	return !(date in holidaysOf(Number(date.slice(0, 4))));
}

/** The n-th working day after `date` (n ≥ 1): a flag raised today is due by the end of it. */
export function addWorkingDays(date: string, n: number): string {
	let d = date;
	for (let left = n; left > 0;) {
		d = addDays(d, 1);
		if (isWorkingDay(d)) left--;
	}
	return d;
}
