import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPgliteTemplate, migrationsKey } from './pglite-template';

// The folder's contents stand in for PGlite's: what is proven here is which template is
// taken. That a copied folder opens and serves is proven by every first start of the
// browser suite's server and by CI's newcomer path, which checks the log says so.
function template(key: string) {
	const dir = mkdtempSync(join(tmpdir(), 'pglite-template-'));
	mkdirSync(join(dir, 'data', 'base'), { recursive: true });
	writeFileSync(join(dir, 'data', 'PG_VERSION'), '17\n');
	writeFileSync(join(dir, 'data', 'base', 'table'), 'rows');
	writeFileSync(join(dir, 'migrations-key'), key + '\n');
	return dir;
}
const target = () => join(mkdtempSync(join(tmpdir(), 'pglite-data-')), 'data');

describe('the migrated template of a first start', () => {
	it('is copied, whole, when made from these migrations on this PGlite', () => {
		const dir = template(migrationsKey('./drizzle'));
		const data = target();
		expect(copyPgliteTemplate(dir, data, './drizzle')).toBe(true);
		expect(readFileSync(join(data, 'PG_VERSION'), 'utf8')).toBe('17\n');
		expect(readFileSync(join(data, 'base', 'table'), 'utf8')).toBe('rows');
	});

	it('is not used when the migrations differ: the database is made from nothing', () => {
		const dir = template('0123456789abcdef');
		const data = target();
		expect(copyPgliteTemplate(dir, data, './drizzle')).toBe(false);
		expect(existsSync(data)).toBe(false);
	});

	it('is not used when the build made none, or stopped before writing its key', () => {
		const none = join(mkdtempSync(join(tmpdir(), 'pglite-none-')), 'missing');
		expect(copyPgliteTemplate(none, target(), './drizzle')).toBe(false);
		const half = template('');
		expect(copyPgliteTemplate(half, target(), './drizzle')).toBe(false);
	});

	it('changes its key with any migration file', () => {
		const folder = mkdtempSync(join(tmpdir(), 'migrations-'));
		writeFileSync(join(folder, '0000_a.sql'), 'create table a ();');
		const before = migrationsKey(folder);
		writeFileSync(join(folder, '0001_b.sql'), 'create table b ();');
		expect(migrationsKey(folder)).not.toBe(before);
	});
});
