import { describe, expect, it } from 'vitest';
import { formatDate } from './format';
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
