import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (l: string) =>
	JSON.parse(readFileSync(new URL(`../../messages/${l}.json`, import.meta.url), 'utf8')) as Record<
		string,
		string
	>;

describe('messages', () => {
	const fi = load('fi');
	const sv = load('sv');
	const en = load('en');

	it('every key exists in Finnish, Swedish and English', () => {
		expect(Object.keys(sv).sort()).toEqual(Object.keys(fi).sort());
		expect(Object.keys(en).sort()).toEqual(Object.keys(fi).sort());
	});

	it('no text is empty and parameters match across languages', () => {
		const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
		for (const key of Object.keys(fi)) {
			if (key === '$schema') continue;
			for (const dict of [fi, sv, en]) expect(dict[key]?.trim(), key).toBeTruthy();
			expect(params(sv[key]!), key).toEqual(params(fi[key]!));
			expect(params(en[key]!), key).toEqual(params(fi[key]!));
		}
	});
});
