import { m } from '../paraglide/messages';

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
 * and cancel link), made once by the root layout: components read them from
 * `page.data.chrome`, so no page carries them in three languages.
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
		'cancel'
	);
}

export type Chrome = ReturnType<typeof chromeText>;
