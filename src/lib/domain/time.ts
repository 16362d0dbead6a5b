/** Finnish wall-clock time ↔ instants. Pure; the time-zone rules come from Intl. */

const ZONE = 'Europe/Helsinki';

// Made once: building a formatter costs ~100 times using one.
const WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
	timeZone: ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit'
});

/** Minutes Helsinki is ahead of UTC at an instant (120 in winter, 180 in summer). */
function offsetMinutes(at: Date): number {
	const parts = Object.fromEntries(WALL_CLOCK.formatToParts(at).map((p) => [p.type, p.value]));
	const local = Date.UTC(
		+parts.year!,
		+parts.month! - 1,
		+parts.day!,
		+parts.hour!,
		+parts.minute!
	);
	return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/**
 * The numbers of an ISO date ("2026-11-30", or the date a longer value starts with): year,
 * month (1–12), day. Callers pass checked dates; anything else is a bug, said at once and
 * without the value (it may be a date of birth).
 */
export function dateParts(iso: string): [year: number, month: number, day: number] {
	const m = ISO_DATE.exec(iso);
	if (!m) throw new RangeError('Not an ISO date');
	return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** "2026-11-30T13:00" in Finnish time → the instant. */
export function fromHelsinkiLocal(value: string): Date {
	const m = LOCAL_DATE_TIME.exec(value);
	if (!m) throw new RangeError('Not a local date and time');
	const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
	const first = guess - offsetMinutes(new Date(guess)) * 60_000;
	// Near a DST change the offset at the guess can differ from the offset at the answer.
	return new Date(guess - offsetMinutes(new Date(first)) * 60_000);
}

/** The instant as "YYYY-MM-DDTHH:MM" in Finnish time, for a datetime-local input. */
export function toHelsinkiLocal(at: Date): string {
	const shifted = new Date(at.getTime() + offsetMinutes(at) * 60_000);
	return shifted.toISOString().slice(0, 16);
}
