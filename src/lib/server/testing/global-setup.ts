import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrationsKey } from '../db/pglite-template';

/**
 * Runs once before the test workers start, so that each worker gets a migrated database of
 * its own and test files can run in parallel (ADR 017):
 * - with DATABASE_URL: that database is migrated once, then copied as a template into one
 *   database per worker (`<name>_w1`, `<name>_w2`, …), dropped again at the end;
 * - without: one in-memory PGlite is migrated and its data folder saved, and every test
 *   file starts its own PGlite from that copy instead of migrating again.
 */
export default async function setup(project: TestProject) {
	const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
	const migrationsFolder = process.env.MIGRATIONS_DIR ?? './drizzle';
	const url = process.env.DATABASE_URL;
	if (url) {
		const { default: postgres } = await import('postgres');
		const { drizzle } = await import('drizzle-orm/postgres-js');
		const { migrate } = await import('drizzle-orm/postgres-js/migrator');
		const name = new URL(url).pathname.slice(1);
		// Databases are made and dropped from the maintenance database, not from `name`.
		const maintenance = new URL(url);
		maintenance.pathname = '/postgres';
		const owner = postgres(url, { max: 1, onnotice: () => {} });
		await migrate(drizzle(owner), { migrationsFolder });
		await owner.end();
		const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
		const names = Array.from({ length: workers }, (_, i) => `${name}_w${i + 1}`);
		for (const db of names) {
			await admin.unsafe(`drop database if exists "${db}" with (force)`);
			await admin.unsafe(`create database "${db}" template "${name}"`);
		}
		project.provide('workerDatabases', names);
		return async () => {
			for (const db of names) await admin.unsafe(`drop database if exists "${db}" with (force)`);
			await admin.end();
		};
	}
	// The migrated folder is kept between runs, named by the migrations' content and the
	// PGlite version: migrating a fresh PGlite takes seconds, most of a short run.
	const cacheDir = join('node_modules', '.cache', 'yhteisarvio-test');
	const file = join(cacheDir, `pglite-${migrationsKey(migrationsFolder)}.tar`);
	if (!existsSync(file)) {
		const { PGlite } = await import('@electric-sql/pglite');
		const { drizzle } = await import('drizzle-orm/pglite');
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		const client = new PGlite('memory://');
		await migrate(drizzle(client), { migrationsFolder });
		const dump = await client.dumpDataDir('none');
		await client.close();
		mkdirSync(cacheDir, { recursive: true });
		// Written under another name first: a run stopped halfway leaves no broken copy.
		const partial = `${file}.${process.pid}`;
		writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
		renameSync(partial, file);
	}
	project.provide('pgliteSnapshot', file);
}

declare module 'vitest' {
	export interface ProvidedContext {
		workerDatabases: string[];
		pgliteSnapshot: string;
	}
}
