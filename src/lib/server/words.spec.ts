import { afterEach, describe, expect, it } from 'vitest';
import { m } from '../paraglide/messages';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime';
import { chromeText, colourNames, languageChoice, pagingText, words } from './words';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

describe("a page's fixed texts", () => {
	it("are the asked messages only, in the reader's language", () => {
		expect(words('meeting_back', 'yes')).toEqual({
			meeting_back: 'Takaisin kokoukseen',
			yes: 'Kyllä'
		});
		overwriteGetLocale(() => 'sv');
		expect(words('meeting_back', 'yes')).toEqual({
			meeting_back: 'Tillbaka till mötet',
			yes: 'Ja'
		});
		overwriteGetLocale(() => 'en');
		expect(words('yes')).toEqual({ yes: 'Yes' });
	});

	it("around every page are the header's, the footer's and a form's, in the reader's language", () => {
		overwriteGetLocale(() => 'sv');
		const chrome = chromeText();
		expect(chrome.error_summary_title).toBe(m.error_summary_title({}, { locale: 'sv' }));
		expect(chrome.cancel).toBe(m.cancel({}, { locale: 'sv' }));
		expect(chrome.app_name).toBe('Yhteisarvio');
		expect(chrome.back_to_child).toBe(m.back_to_child({}, { locale: 'sv' }));
		expect(Object.keys(chrome)).toHaveLength(11);
	});

	it('give the language switch every language by its own name, and the one in use', () => {
		overwriteGetLocale(() => 'sv');
		expect(languageChoice()).toEqual({
			current: 'sv',
			options: [
				{ value: 'fi', label: 'suomi' },
				{ value: 'sv', label: 'svenska' },
				{ value: 'en', label: 'English' }
			]
		});
	});

	it("name every colour in the reader's language", () => {
		overwriteGetLocale(() => 'en');
		const names = colourNames();
		expect(Object.keys(names).sort()).toEqual(['green', 'grey', 'red', 'yellow']);
		expect(names.red).toBe(m.colour_red({}, { locale: 'en' }));
		expect(names.red).not.toBe(m.colour_red({}, { locale: 'fi' }));
	});

	it('say where a long list is, with both buttons', () => {
		const text = pagingText(2, 7);
		expect(text.at).toBe(m.dashboard_page({ page: 2, pages: 7 }));
		expect(text.at).toContain('7');
		expect(text.prev).toBe(m.dashboard_prev());
		expect(text.next).toBe(m.dashboard_next());
	});
});
