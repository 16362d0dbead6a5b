import { describe, expect, it } from 'vitest';
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, idleExpiry } from './session';

describe('session expiry arithmetic', () => {
	const t0 = new Date('2026-03-01T08:00:00Z');
	const absolute = new Date(t0.getTime() + ABSOLUTE_LIFETIME_MS);

	it('idle expiry is 30 minutes after the last activity', () => {
		expect(IDLE_TIMEOUT_MS).toBe(30 * 60 * 1000);
		expect(idleExpiry(t0, absolute).getTime() - t0.getTime()).toBe(IDLE_TIMEOUT_MS);
	});

	it('never goes past the 12-hour absolute lifetime', () => {
		expect(ABSOLUTE_LIFETIME_MS).toBe(12 * 3600 * 1000);
		const late = new Date(absolute.getTime() - 5 * 60 * 1000);
		expect(idleExpiry(late, absolute)).toEqual(absolute);
	});
});
