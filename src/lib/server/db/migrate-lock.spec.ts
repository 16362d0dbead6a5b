import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/**
 * Two instances starting at once on a new database (ADR 024): both come up, the schema is
 * migrated once. Without the advisory lock one of them fails on a half-made schema. Needs
 * a PostgreSQL server (the embedded database is one process by nature).
 */
describe.skipIf(!process.env.DATABASE_URL)('migrations at start', () => {
	it('two instances migrating a fresh database at once both succeed', async () => {
		const base = new URL(process.env.DATABASE_URL!);
		const name = `${base.pathname.slice(1)}_mig_${process.pid}`;
		const maintenance = new URL(base);
		maintenance.pathname = '/postgres';
		const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
		await admin.unsafe(`drop database if exists "${name}" with (force)`);
		await admin.unsafe(`create database "${name}"`);
		const url = new URL(base);
		url.pathname = `/${name}`;
		try {
			const env = { ...process.env, DATABASE_URL: url.toString() };
			const start = () => run('npx', ['tsx', 'scripts/migrate.ts'], { env });
			const results = await Promise.allSettled([start(), start()]);
			expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
			const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
			const [applied] = await db`select count(*)::int as n from drizzle.__drizzle_migrations`;
			await db.end();
			const { readdirSync } = await import('node:fs');
			const files = readdirSync('drizzle').filter((f) => f.endsWith('.sql'));
			expect(applied!.n).toBe(files.length);
		} finally {
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
			await admin.end();
		}
	}, 60_000);
});
