import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Variants = { match: Record<string, string> }[];

/** Each message as text: a plain one as it is, one with plural variants all joined. */
const load = (l: string) =>
	Object.fromEntries(
		Object.entries(
			JSON.parse(
				readFileSync(new URL(`../../messages/${l}.json`, import.meta.url), 'utf8')
			) as Record<string, string | Variants>
		).map(([k, v]) => [
			k,
			typeof v === 'string' ? v : v.flatMap((x) => Object.values(x.match)).join('\n')
		])
	) as Record<string, string>;

describe('messages', () => {
	const fi = load('fi');
	const sv = load('sv');
	const en = load('en');

	it('every key exists in Finnish, Swedish and English', () => {
		expect(Object.keys(sv).sort()).toEqual(Object.keys(fi).sort());
		expect(Object.keys(en).sort()).toEqual(Object.keys(fi).sort());
	});

	it('no text is empty and parameters match across languages', () => {
		const params = (s: string) =>
			[...new Set([...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort();
		for (const key of Object.keys(fi)) {
			if (key === '$schema') continue;
			for (const dict of [fi, sv, en]) expect(dict[key]?.trim(), key).toBeTruthy();
			expect(params(sv[key]!), key).toEqual(params(fi[key]!));
			expect(params(en[key]!), key).toEqual(params(fi[key]!));
		}
	});

	it('promises nothing for a later version: what is there works', () => {
		for (const dict of [fi, sv, en])
			for (const [key, text] of Object.entries(dict))
				expect(text, key).not.toMatch(/myöhemmässä versiossa|senare version|later version/i);
	});
});
