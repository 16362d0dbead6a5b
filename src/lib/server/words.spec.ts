import { afterEach, describe, expect, it } from 'vitest';
import { m } from '../paraglide/messages';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime';
import { chromeText, words } from './words';

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
		expect(Object.keys(chrome)).toHaveLength(10);
	});
});
