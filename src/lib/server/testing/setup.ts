import { afterAll } from 'vitest';

/**
 * Vitest setup: without DATABASE_URL every test file gets its own in-memory PGlite,
 * so `npm test` needs no database server. With DATABASE_URL the tests use that database.
 */
if (!process.env.DATABASE_URL) {
	process.env.DATA_DIR = 'memory://';
}

afterAll(async () => {
	const { closeDb } = await import('../db');
	await closeDb();
});
