import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type AST } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

/*
 * A page can be filled in before its scripts arrive (a slow connection). When they do, the
 * page hydrates, and a field whose state comes from an attribute expression (`value={x}`,
 * `checked={x}`) is set back to what the server drew: the choice is lost and the post
 * comes back with an error, or goes in without it. A binding (`bind:value`, `bind:group`)
 * takes what is on the page instead, and `defaultValue` / `defaultChecked` never touch it.
 * The browser suite shows it on the field components (tests/e2e/before-scripts.test.ts);
 * this keeps every other field of every page to the same rule.
 */

type Element = AST.RegularElement;

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : svelteFiles(path);
		return entry.name.endsWith('.svelte') ? [path] : [];
	});
}

function elements(node: unknown, found: Element[] = []): Element[] {
	if (!node || typeof node !== 'object') return found;
	if (Array.isArray(node)) {
		for (const child of node) elements(child, found);
		return found;
	}
	const n = node as { type?: string; name?: string };
	if (n.type === 'RegularElement' && (n.name === 'input' || n.name === 'textarea'))
		found.push(node as Element);
	for (const [key, value] of Object.entries(node)) {
		if (key !== 'parent' && key !== 'metadata') elements(value, found);
	}
	return found;
}

const staticText = (el: Element, name: string) => {
	const attr = el.attributes.find((a) => a.type === 'Attribute' && a.name === name);
	if (!attr || attr.type !== 'Attribute' || !Array.isArray(attr.value)) return undefined;
	return attr.value.map((part) => (part.type === 'Text' ? part.data : '{…}')).join('');
};

const isExpression = (a: AST.RegularElement['attributes'][number], name: string) =>
	a.type === 'Attribute' && a.name === name && a.value !== true && !Array.isArray(a.value);

/** The attribute that would be set back on hydration, if any. */
function overwrittenOnHydration(el: Element): string | undefined {
	const type = staticText(el, 'type') ?? 'text';
	if (type === 'hidden' || type === 'submit' || type === 'button') return undefined;
	// Nobody types into a read-only field (a password manager's username, say).
	const has = (name: string) =>
		el.attributes.some((a) => a.type === 'Attribute' && a.name === name);
	if (has('readonly')) return undefined;
	// A box's or a radio's `value` is what it posts, not what a person changes.
	const state = type === 'checkbox' || type === 'radio' ? 'checked' : 'value';
	return el.attributes.some((a) => isExpression(a, state)) ? state : undefined;
}

const parsed = (source: string) => elements(parse(source, { modern: true }).fragment);

describe('fields keep what was entered before the scripts arrived', () => {
	it('no field of any page takes its value or its tick from an attribute expression', () => {
		const offenders = svelteFiles('src').flatMap((file) => {
			const source = readFileSync(file, 'utf8');
			const line = (offset: number) => source.slice(0, offset).split('\n').length;
			return parsed(source)
				.map((el) => ({ el, attr: overwrittenOnHydration(el) }))
				.filter(({ attr }) => attr)
				.map(({ el, attr }) => `${file}:${line(el.start)} ${attr}={…}`);
		});
		expect(offenders).toEqual([]);
	});

	it('finds a text field, a date and a radio that would be set back, and passes bound ones', () => {
		const [text, date, radio, hidden, bound, early, option, readonly] = parsed(
			`<input name="a" value={x} />
			<input type="date" name="b" value={x} />
			<input type="radio" name="c" value="1" checked={x === '1'} />
			<input type="hidden" name="d" value={x} />
			<input name="e" bind:value={x} />
			<input name="f" defaultValue={x} />
			<input type="checkbox" name="g" value={x} bind:group={list} />
			<input name="h" value={x} readonly />`
		);
		expect(overwrittenOnHydration(text!)).toBe('value');
		expect(overwrittenOnHydration(date!)).toBe('value');
		expect(overwrittenOnHydration(radio!)).toBe('checked');
		for (const ok of [hidden, bound, early, option, readonly])
			expect(overwrittenOnHydration(ok!)).toBe(undefined);
	});
});
