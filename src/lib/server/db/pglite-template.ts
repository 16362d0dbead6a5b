import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';

/**
 * A new embedded database starts from a copy of an already migrated, empty one that
 * `npm run build` makes (ADR 034): PGlite's own initdb and the migrations take 4–5 s, a
 * copy of the folder a tenth of that. The copy is used only when it was made from exactly
 * these migrations on this PGlite version; otherwise the database is made as before.
 */

/** A hash of every migration file and the PGlite version (their data folders differ). */
export function migrationsKey(folder: string): string {
	const hash = createHash('sha256');
	// Its package does not export package.json: read it where npm puts it.
	hash.update(readFileSync(join('node_modules', '@electric-sql', 'pglite', 'package.json')));
	const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
	for (const name of files) {
		const path = join(folder, name);
		if (!statSync(path).isFile()) continue;
		hash.update(name);
		hash.update(readFileSync(path));
	}
	return hash.digest('hex').slice(0, 16);
}

const KEY_FILE = 'migrations-key';
const DATA = 'data';

/** Makes the template in `dir` (replacing one there) by migrating a new PGlite. */
export async function makePgliteTemplate(dir: string, migrationsFolder: string): Promise<void> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	rmSync(dir, { recursive: true, force: true });
	// PGlite makes only the last folder of its path.
	mkdirSync(dir, { recursive: true });
	const client = new PGlite(join(dir, DATA));
	await migrate(drizzle(client), { migrationsFolder });
	await client.close();
	// Written last: a build stopped halfway leaves a template that is never used.
	writeFileSync(join(dir, KEY_FILE), migrationsKey(migrationsFolder) + '\n');
}

/**
 * Copies the template into `dataDir` when it matches `migrationsFolder`; says whether it
 * did. Any doubt (no template, another key, no PGlite package to read) answers false.
 */
export function copyPgliteTemplate(
	dir: string,
	dataDir: string,
	migrationsFolder: string
): boolean {
	try {
		const keyFile = join(dir, KEY_FILE);
		if (!existsSync(keyFile)) return false;
		if (readFileSync(keyFile, 'utf8').trim() !== migrationsKey(migrationsFolder)) return false;
		cpSync(join(dir, DATA), dataDir, { recursive: true });
		return true;
	} catch {
		return false;
	}
}
