import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';
import { usePgliteSnapshot } from '../db';
import { TEST_ENCRYPTION_KEY } from './test-key';
// As the server does at start: the features that act on other features' events (ADR 038).
import '../features/listeners';

/**
 * Vitest setup, before each test file. With DATABASE_URL each worker uses its own copy of
 * that database (made by global-setup.ts), so files run in parallel without meeting each
 * other's rows; without it each worker gets its own in-memory PGlite, started from the
 * migrated copy. `npm test` needs no database server.
 */
if (process.env.DATABASE_URL) {
	const names = inject('workerDatabases');
	const id = Number(process.env.VITEST_POOL_ID ?? 1);
	const name = names[(id - 1) % names.length]!;
	const url = new URL(process.env.DATABASE_URL);
	url.pathname = `/${name}`;
	process.env.DATABASE_URL = url.toString();
} else {
	process.env.DATA_DIR = 'memory://';
	usePgliteSnapshot(inject('pgliteSnapshot'));
}
// The same key as the end-to-end server: both may seal and open the demo's factors on one
// test database (CI runs both against it).
process.env.ENCRYPTION_KEY ??= TEST_ENCRYPTION_KEY;
// Mail without a mail server goes to a folder (ADR 032): one per test file, removed after.
const mailFolder = mkdtempSync(join(tmpdir(), 'yhteisarvio-test-mail-'));
process.env.MAIL_DIR = mailFolder;
afterAll(() => rmSync(mailFolder, { recursive: true, force: true }));

// With PostgreSQL each file closes its pool. The in-memory PGlite stays open for the
// worker's next file (isolate: false keeps the module): starting one costs a second or two,
// and the files already share a database per worker on PostgreSQL, so none relies on an
// empty one.
afterAll(async () => {
	if (!process.env.DATABASE_URL) return;
	const { closeDb } = await import('../db');
	await closeDb();
});
