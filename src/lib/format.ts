import { getLocale } from './paraglide/runtime';

const TIME_ZONE = 'Europe/Helsinki';

/**
 * The formatting locale: British English for English, so dates read day first (5.8.2010,
 * 2010-08-05, 05/08/2010), never the US month-first "8/5/10".
 */
export function formatLocale(locale: string = getLocale()): string {
	return locale === 'en' ? 'en-GB' : locale;
}

/** Clock time in Finland, rounded up to the next whole minute so nobody retries too early. */
export function formatTimeRoundedUp(date: Date): string {
	const up = new Date(Math.ceil(date.getTime() / 60_000) * 60_000);
	return new Intl.DateTimeFormat(formatLocale(), {
		hour: '2-digit',
		minute: '2-digit',
		timeZone: TIME_ZONE
	}).format(up);
}

export function formatDateTime(date: Date): string {
	return new Intl.DateTimeFormat(formatLocale(), {
		dateStyle: 'short',
		timeStyle: 'short',
		timeZone: TIME_ZONE
	}).format(date);
}

/** A calendar date (YYYY-MM-DD) in the reader's language, e.g. 3.11.2026 in Finnish. */
export function formatDate(isoDate: string | null | undefined): string {
	if (!isoDate) return '';
	return new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'short', timeZone: 'UTC' }).format(
		new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)
	);
}

/** The Finnish calendar day of a moment in time (not its UTC date). */
export function formatDay(moment: Date | string): string {
	return new Intl.DateTimeFormat(formatLocale(), {
		dateStyle: 'short',
		timeZone: TIME_ZONE
	}).format(new Date(moment));
}
