import { describe, expect, it } from 'vitest';
import { dateParts, fromHelsinkiLocal, toHelsinkiLocal } from './time';

describe('Finnish wall-clock time', () => {
	it.each([
		['2026-11-30T13:00', '2026-11-30T11:00:00.000Z'],
		['2026-07-01T09:30', '2026-07-01T06:30:00.000Z'],
		['2027-01-01T00:15', '2026-12-31T22:15:00.000Z'],
		['2026-03-29T05:00', '2026-03-29T02:00:00.000Z']
	])('%s is %s', (local, instant) => {
		expect(fromHelsinkiLocal(local).toISOString()).toBe(instant);
		expect(toHelsinkiLocal(new Date(instant))).toBe(local);
	});
});

describe('dateParts', () => {
	it("gives an ISO date's year, month and day as numbers, also of a longer value", () => {
		expect(dateParts('2026-02-09')).toEqual([2026, 2, 9]);
		expect(dateParts('2026-12-31T23:59')).toEqual([2026, 12, 31]);
	});

	it('refuses what is not an ISO date, without repeating the value', () => {
		for (const v of ['', '2026-2-9', '09.02.2026', '2026-03', 'x2026-02-09']) {
			expect(() => dateParts(v)).toThrow(RangeError);
			expect(() => dateParts(v)).toThrow('Not an ISO date');
		}
	});

	it('refuses a local time without its date or minutes', () => {
		for (const v of ['13:00', '2026-11-30', '2026-11-30T13'])
			expect(() => fromHelsinkiLocal(v)).toThrow(RangeError);
	});
});
