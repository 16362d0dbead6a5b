import { getLocale } from './paraglide/runtime';

const TIME_ZONE = 'Europe/Helsinki';

/** Clock time in Finland, rounded up to the next whole minute so nobody retries too early. */
export function formatTimeRoundedUp(date: Date): string {
	const up = new Date(Math.ceil(date.getTime() / 60_000) * 60_000);
	return new Intl.DateTimeFormat(getLocale(), {
		hour: '2-digit',
		minute: '2-digit',
		timeZone: TIME_ZONE
	}).format(up);
}

export function formatDateTime(date: Date): string {
	return new Intl.DateTimeFormat(getLocale(), {
		dateStyle: 'short',
		timeStyle: 'short',
		timeZone: TIME_ZONE
	}).format(date);
}

/** A calendar date (YYYY-MM-DD) in the reader's language, e.g. 3.11.2026 in Finnish. */
export function formatDate(isoDate: string | null | undefined): string {
	if (!isoDate) return '';
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'short', timeZone: 'UTC' }).format(
		new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)
	);
}

/** The Finnish calendar day of a moment in time (not its UTC date). */
export function formatDay(moment: Date | string): string {
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'short', timeZone: TIME_ZONE }).format(
		new Date(moment)
	);
}
