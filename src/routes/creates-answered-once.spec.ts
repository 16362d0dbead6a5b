import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every action that makes a record answers a second post of the same form once (ADR 052):
 * its form is a `defineCreateForm` (the page draws the one-time key) and its action is
 * `create`. Read from the route files on disk, so a new page cannot forget it.
 */

/** A feature call that makes a record, by its verb. */
const MAKES = /^(create|add|file|request|tell|reply|answer|give|prepare)[A-Z]/;

/** What is wrong with one route file's actions, in words. */
export function problems(source: string): string[] {
	const found: string[] = [];
	for (const m of source.matchAll(
		/(\w+)\.submit\(event\.request, \{\s*save: \([^)]*\) =>\s*(\w+)\(/g
	))
		if (MAKES.test(m[2]!))
			found.push(`${m[1]} makes a record (${m[2]}) through submit, not create`);
	for (const m of source.matchAll(/(\w+)\.create\(event,/g)) {
		const form = m[1]!;
		const declared = new RegExp(`(const ${form} =|${form}:) defineCreateForm\\(`);
		if (!declared.test(source)) found.push(`${form}.create without defineCreateForm: no key drawn`);
	}
	return found;
}

function serverFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return serverFiles(path);
		return e.name === '+page.server.ts' ? [path] : [];
	});
}

describe('creates answered once', () => {
	it('every route that makes a record draws a key and answers with create', () => {
		const files = serverFiles('src/routes');
		expect(files.length).toBeGreaterThan(40);
		const all = files.flatMap((f) => problems(readFileSync(f, 'utf8')).map((p) => `${f}: ${p}`));
		expect(all).toEqual([]);
	});

	it('names a create through submit, and a create on a form drawn without a key', () => {
		expect(
			problems(`return noteForm.submit(event.request, {
			save: (d) => tellTeam(ctx.db, ctx, d.text),`)
		).toEqual(['noteForm makes a record (tellTeam) through submit, not create']);
		expect(
			problems(`const noteForm = defineForm(schema, 'note');
			return noteForm.create(event, {`)
		).toEqual(['noteForm.create without defineCreateForm: no key drawn']);
		expect(
			problems(`const noteForm = defineCreateForm(schema, 'note');
			return noteForm.create(event, {
			save: (d, tx) => tellTeam(tx, ctx, d.text),`)
		).toEqual([]);
	});
});
