import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay } from './format';
import { overwriteGetLocale, getLocale } from './paraglide/runtime';

describe('dates in every language are day first', () => {
	it.each([
		['fi', '5.8.2010'],
		['sv', '2010-08-05'],
		['en', '05/08/2010']
	] as const)('%s: %s', (locale, expected) => {
		const original = getLocale;
		overwriteGetLocale(() => locale);
		try {
			expect(formatDate('2010-08-05')).toBe(expected);
		} finally {
			overwriteGetLocale(original);
		}
	});
});

describe('formatters are kept per language', () => {
	const inLocale = (locale: 'fi' | 'sv' | 'en', fn: () => string) => {
		const original = getLocale;
		overwriteGetLocale(() => locale);
		try {
			return fn();
		} finally {
			overwriteGetLocale(original);
		}
	};

	it('gives each language its own day and time, in Finnish time, however they alternate', () => {
		// 22.30 UTC on 4 December is already the 5th in Finland (UTC+2).
		const late = new Date('2026-12-04T22:30:00Z');
		for (let round = 0; round < 2; round++) {
			expect(inLocale('fi', () => formatDay(late))).toBe('5.12.2026');
			expect(inLocale('sv', () => formatDay(late))).toBe('2026-12-05');
			expect(inLocale('en', () => formatDay(late))).toBe('05/12/2026');
			expect(inLocale('fi', () => formatDateTime(late))).toBe('5.12.2026 klo 0.30');
			expect(inLocale('en', () => formatDateTime(late))).toBe('05/12/2026, 00:30');
		}
	});
});
