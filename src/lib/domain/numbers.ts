/** A number as the reader writes it: "1,5" in Finnish and Swedish, "1.5" in English. */
export function numberText(n: number, locale: 'fi' | 'sv' | 'en'): string {
	return n.toLocaleString(locale === 'en' ? 'en-GB' : locale === 'sv' ? 'sv-FI' : 'fi-FI');
}
