import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { APP_ROLE } from '.';

const run = promisify(execFile);

/**
 * A restore without privileges (docs/deploy.md) loses every grant and default privilege;
 * `scripts/app-role-grants.sql` must give the app role back exactly what the migrations
 * gave it: no more (it would undo an append-only table), no less (sign-in answered 500).
 * Needs a PostgreSQL server and its pg_dump / pg_restore.
 */
describe.skipIf(!process.env.DATABASE_URL)('the app role after a restore', () => {
	it('scripts/app-role-grants.sql restores every privilege the migrations gave', async () => {
		const base = new URL(process.env.DATABASE_URL!);
		const src = `${base.pathname.slice(1)}_grants_src_${process.pid}`;
		const dst = `${base.pathname.slice(1)}_grants_dst_${process.pid}`;
		const at = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
		const admin = postgres(at('postgres'), { max: 1, onnotice: () => {} });
		const dir = mkdtempSync(join(tmpdir(), 'grants-'));
		/** What the app role may do in the schema, and what PUBLIC may, as sorted text. */
		const privileges = async (name: string) => {
			const db = postgres(at(name), { max: 1, onnotice: () => {} });
			try {
				const rows = await db.unsafe(`
					select format('%s %s', c.relname, p) as held
					from pg_class c
					join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
					cross join unnest(array['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p
					where c.relkind in ('r', 'p', 'v') and has_table_privilege('${APP_ROLE}', c.oid, p)
					union all
					select format('sequence %s %s', c.relname, has_sequence_privilege('${APP_ROLE}', c.oid, 'USAGE'))
						from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
						where c.relkind = 'S'
					union all
					select format('schema %s', nspacl::text) from pg_namespace where nspname = 'public'
					union all
					select format('function %s %s', p.proname, coalesce(p.proacl::text, 'default'))
						from pg_proc p join pg_namespace n on n.oid = p.pronamespace and n.nspname = 'public'
						where p.proname in ('access_log_add_months', 'access_log_drop_months')
					union all
					select format('default %s %s', d.defaclobjtype, d.defaclacl::text) from pg_default_acl d
					order by 1`);
				return rows.map((r) => r.held as string);
			} finally {
				await db.end();
			}
		};
		try {
			for (const name of [src, dst]) {
				await admin.unsafe(`drop database if exists "${name}" with (force)`);
				await admin.unsafe(`create database "${name}"`);
			}
			await run('npx', ['tsx', 'scripts/migrate.ts'], {
				env: { ...process.env, DATABASE_URL: at(src) }
			});
			const dump = join(dir, 'db.dump');
			await run('pg_dump', [
				'--format=custom',
				'--no-owner',
				'--no-privileges',
				`--file=${dump}`,
				at(src)
			]);
			await run('pg_restore', [
				'--no-owner',
				'--no-privileges',
				'--exit-on-error',
				`--dbname=${at(dst)}`,
				dump
			]);
			const original = await privileges(src);
			expect(original).toContain('session INSERT');
			expect(original).not.toContain('access_log UPDATE');
			// Restored without privileges: the app role can do nothing.
			expect(await privileges(dst)).not.toEqual(original);
			await run('psql', ['-q', '-f', 'scripts/app-role-grants.sql', at(dst)]);
			expect(await privileges(dst)).toEqual(original);
		} finally {
			for (const name of [src, dst])
				await admin.unsafe(`drop database if exists "${name}" with (force)`);
			await admin.end();
			rmSync(dir, { recursive: true, force: true });
		}
	}, 120_000);
});
