import { describe, expect, it } from 'vitest';
import { ACCESS_LOG_DEFAULT_MONTHS, ACCESS_LOG_MIN_MONTHS, retentionCutoffs } from './retention';

const iso = (d: Date) => d.toISOString();

describe('the access log kept whole months', () => {
	it.each([
		['2026-12-06T09:00:00Z', 24, '2024-12-01T00:00:00.000Z'],
		['2027-01-01T00:00:00Z', 24, '2025-01-01T00:00:00.000Z'],
		['2026-03-31T23:59:59Z', 144, '2014-03-01T00:00:00.000Z'],
		['2040-07-15T12:00:00Z', 36, '2037-07-01T00:00:00.000Z']
	])('at %s, kept %i months: months ending by %s go', (now, months, before) => {
		expect(iso(retentionCutoffs(new Date(now), months).accessLogBefore)).toBe(before);
	});

	it('keeps every row at least the minimum, to the end of its month', () => {
		// A row written on the month's first moment is the oldest its month can hold; its month
		// goes only when the whole month is past the period.
		for (const now of ['2026-12-06T09:00:00Z', '2028-02-29T12:00:00Z', '2031-01-01T00:00:00Z']) {
			const before = retentionCutoffs(new Date(now), ACCESS_LOG_MIN_MONTHS).accessLogBefore;
			const twoYearsAgo = new Date(now);
			twoYearsAgo.setUTCFullYear(twoYearsAgo.getUTCFullYear() - 2);
			expect(before.getTime()).toBeLessThanOrEqual(twoYearsAgo.getTime());
		}
	});

	it('counts a shorter setting as the two-year minimum', () => {
		const now = new Date('2026-12-06T09:00:00Z');
		expect(retentionCutoffs(now, 1).accessLogBefore).toEqual(
			retentionCutoffs(now, ACCESS_LOG_MIN_MONTHS).accessLogBefore
		);
		expect(retentionCutoffs(now, ACCESS_LOG_DEFAULT_MONTHS).accessLogBefore.getTime()).toBeLessThan(
			retentionCutoffs(now, ACCESS_LOG_MIN_MONTHS).accessLogBefore.getTime()
		);
	});
});

describe('working data', () => {
	it('goes by its own period from the clock it is given', () => {
		const c = retentionCutoffs(new Date('2026-12-06T09:00:00Z'), 144);
		expect(iso(c.sentMailBefore)).toBe('2026-09-07T09:00:00.000Z');
		expect(iso(c.spentPasswordLinkBefore)).toBe('2026-11-06T09:00:00.000Z');
		expect(iso(c.quietThrottleBefore)).toBe('2026-11-06T09:00:00.000Z');
		expect(iso(c.mailFolderBefore)).toBe('2026-12-04T09:00:00.000Z');
		expect(iso(c.answeredFormBefore)).toBe('2026-11-29T09:00:00.000Z');
	});
});
