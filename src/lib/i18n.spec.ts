import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OWN_VIEW_ANSWERS, OWN_VIEW_STATEMENTS } from './domain/own-view';

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

	/**
	 * The family's pages speak to guardians and to a child of 12 (issue 36): no code of the
	 * app (a snake_case word, a basis or role value, a route), no English in the Finnish or
	 * Swedish texts, and sentences short enough to read on a phone.
	 */
	describe('the family’s texts are plain language', () => {
		const keys = Object.keys(fi).filter(
			(k) =>
				(k.startsWith('family_') &&
					!/^family_(add|intro|link|no_results|none|results|search_|siblings|title|unlink)/.test(
						k
					)) ||
				k.startsWith('summary_') ||
				k.startsWith('own_view_') ||
				k.startsWith('feedback_') ||
				k.startsWith('agreement_') ||
				k.startsWith('privacy_') ||
				[
					'saved_family_note',
					'saved_own_view',
					'saved_family_feedback',
					'saved_privacy',
					'saved_meeting_reply'
				].includes(k)
		);
		const CODES = /\b[a-z]+_[a-z_]+\b|\bown_data\b|\/family\b|\bnull\b|\bundefined\b/;
		const ENGLISH = /\b(the|and|you|your|with|sign in|please|information)\b/i;

		it('covers the family pages’ messages', () => expect(keys.length).toBeGreaterThan(60));

		it.each(['fi', 'sv', 'en'] as const)('%s: no internal codes', (l) => {
			const dict = { fi, sv, en }[l];
			for (const k of keys) expect(dict[k]!.replace(/\{\w+\}/g, ''), k).not.toMatch(CODES);
		});

		it.each(['fi', 'sv'] as const)('%s: no English', (l) => {
			const dict = { fi, sv }[l];
			for (const k of keys) expect(dict[k]!.replace(/\{\w+\}/g, ''), k).not.toMatch(ENGLISH);
		});

		// The young person's statements and answers (§11): short, for a reader of 12.
		const ownView = [...Object.values(OWN_VIEW_STATEMENTS), ...Object.values(OWN_VIEW_ANSWERS)];

		it.each(['fi', 'sv', 'en'] as const)(
			'%s: the own view’s statements are short and plain',
			(l) => {
				for (const t of ownView) {
					expect(t[l].split(/\s+/).length, t[l]).toBeLessThanOrEqual(12);
					expect(t[l], t[l]).not.toMatch(CODES);
					if (l !== 'en') expect(t[l], t[l]).not.toMatch(ENGLISH);
				}
			}
		);

		it('no sentence over 30 words', () => {
			for (const dict of [fi, sv, en])
				for (const k of keys)
					for (const sentence of dict[k]!.split(/[.!?]\s/))
						expect(sentence.split(/\s+/).length, k).toBeLessThanOrEqual(30);
		});
	});
});
