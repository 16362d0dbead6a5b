import { describe, expect, it } from 'vitest';
import { m } from './paraglide/messages';

describe('counts use the plural forms of each language', () => {
	it.each([
		['fi', 1, '1 lippu on myöhässä käsittelystä.'],
		['fi', 3, '3 lippua on myöhässä käsittelystä.'],
		['sv', 1, '1 flagga är försenad.'],
		['sv', 2, '2 flaggor är försenade.'],
		['en', 1, '1 flag is overdue for triage.'],
		['en', 5, '5 flags are overdue for triage.']
	] as const)('%s, %i', (locale, count, text) => {
		expect(m.flags_overdue_count({ count }, { locale })).toBe(text);
	});

	it('children shown and items rated agree with their number', () => {
		expect(m.dashboard_shown({ count: 1 }, { locale: 'en' })).toBe('1 child');
		expect(m.dashboard_shown({ count: 1 }, { locale: 'fi' })).toBe('1 lapsi');
		expect(m.reason_no_high_ratings({ count: 1 }, { locale: 'en' })).toBe('1 item rated.');
		expect(m.reason_no_high_ratings({ count: 2 }, { locale: 'fi' })).toBe('2 arvioitua kohtaa.');
	});
});
