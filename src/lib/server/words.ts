import { LOCALES } from '../domain/roles';
import { COLOURS, type Colour } from '../domain/traffic-light';
import { colourLabel } from '../labels/colour';
import { localeLabel } from '../labels/locale';
import { m } from '../paraglide/messages';
import { getLocale } from '../paraglide/runtime';

type Messages = typeof m;

/** A message that takes no inputs: a fixed text such as a heading, a label or a button. */
export type FixedText = {
	[K in keyof Messages]: object extends NonNullable<Parameters<Messages[K]>[0]> ? K : never;
}[keyof Messages];

/**
 * A page's fixed texts, in the reader's language, by their message keys (ADR 028): a page
 * shows `data.t.meeting_back` where it would call `m.meeting_back()`, so its JavaScript
 * carries this language's words only, not every message's three languages. Texts with
 * inputs are made where their inputs are, by the page's presenter.
 */
export function words<const K extends FixedText>(...keys: K[]): Record<K, string> {
	const text: Partial<Record<K, string>> = {};
	for (const key of keys) {
		const message: (inputs?: object) => string = m[key];
		text[key] = message();
	}
	return text as Record<K, string>;
}

/**
 * The words around every page (header, footer, the language switch, a form's error summary
 * and cancel link, the app's name in a page's title, the way back to a child), made once by
 * the root layout: components read them from `page.data.chrome`, so no page carries them in
 * three languages.
 */
export function chromeText() {
	return words(
		'skip_to_content',
		'app_name',
		'app_tagline',
		'language_label',
		'language_change',
		'logout',
		'nav_label',
		'footer_text',
		'error_summary_title',
		'cancel',
		'back_to_child'
	);
}

export type Chrome = ReturnType<typeof chromeText>;

/**
 * The language switch's choices (each language by its own name) and the one in use, from
 * the root layout: the switch is on every page, and reading them in the browser would bring
 * the message runtime to pages that otherwise need none.
 */
export function languageChoice() {
	return {
		current: getLocale(),
		options: languageOptions()
	};
}

/** Every language by its own name, to choose from (the switch, a guardian's language). */
export const languageOptions = () => LOCALES.map((l) => ({ value: l, label: localeLabel(l) }));

/** The colours' names in the reader's language, for the status badge on many pages. */
export function colourNames(): Record<Colour, string> {
	return {
		red: colourLabel('red'),
		yellow: colourLabel('yellow'),
		green: colourLabel('green'),
		grey: colourLabel('grey')
	};
}

/** The colours to choose from, red first (the order the dashboard counts them in). */
export const colourOptions = () =>
	[...COLOURS].reverse().map((value) => ({ value, label: colourLabel(value) }));

/** A long list's paging words (the Paging component): where the reader is, and the buttons. */
export function pagingText(page: number, pages: number) {
	return {
		at: m.dashboard_page({ page, pages }),
		prev: m.dashboard_prev(),
		next: m.dashboard_next()
	};
}

export type PagingText = ReturnType<typeof pagingText>;
