import { describe, expect, it } from 'vitest';
import { fromHelsinkiLocal, toHelsinkiLocal } from './time';

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
