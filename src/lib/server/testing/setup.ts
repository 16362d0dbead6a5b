import { afterAll } from 'vitest';
import { TEST_ENCRYPTION_KEY } from './test-key';

/**
 * Vitest setup: without DATABASE_URL every test file gets its own in-memory PGlite,
 * so `npm test` needs no database server. With DATABASE_URL the tests use that database.
 */
if (!process.env.DATABASE_URL) {
	process.env.DATA_DIR = 'memory://';
}
// The same key as the end-to-end server: both may seal and open the demo's factors on one
// test database (CI runs both against it).
process.env.ENCRYPTION_KEY ??= TEST_ENCRYPTION_KEY;

afterAll(async () => {
	const { closeDb } = await import('../db');
	await closeDb();
});
