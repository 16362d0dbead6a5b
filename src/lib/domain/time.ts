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

/** "2026-11-30T13:00" in Finnish time → the instant. */
export function fromHelsinkiLocal(value: string): Date {
	const [d, t] = value.split('T') as [string, string];
	const [y, mo, da] = d.split('-').map(Number) as [number, number, number];
	const [h, mi] = t.split(':').map(Number) as [number, number];
	const guess = Date.UTC(y, mo - 1, da, h, mi);
	const first = guess - offsetMinutes(new Date(guess)) * 60_000;
	// Near a DST change the offset at the guess can differ from the offset at the answer.
	return new Date(guess - offsetMinutes(new Date(first)) * 60_000);
}

/** The instant as "YYYY-MM-DDTHH:MM" in Finnish time, for a datetime-local input. */
export function toHelsinkiLocal(at: Date): string {
	const shifted = new Date(at.getTime() + offsetMinutes(at) * 60_000);
	return shifted.toISOString().slice(0, 16);
}
