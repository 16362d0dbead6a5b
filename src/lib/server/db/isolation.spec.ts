import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { APP_ROLE } from '.';

const run = promisify(execFile);

/**
 * Two deployments on one PostgreSQL cluster (issue 38, ADR 013): the app role has the same
 * name in both, so each deployment's login is a member of it. Once the app has started on
 * its database, only its own login (and the owner) may connect there: another deployment's
 * login is refused at the door, whatever roles it holds. Needs a PostgreSQL server.
 */
describe.skipIf(!process.env.DATABASE_URL)('one deployment per database', () => {
	it("another deployment's login cannot connect; this one's can", async () => {
		const base = new URL(process.env.DATABASE_URL!);
		const name = `${base.pathname.slice(1)}_iso_${process.pid}`;
		const ours = `iso_ours_${process.pid}`;
		const theirs = `iso_theirs_${process.pid}`;
		const maintenance = new URL(base);
		maintenance.pathname = '/postgres';
		const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
		const at = (login: string | null) => {
			const url = new URL(base);
			url.pathname = `/${name}`;
			if (login) url.username = login;
			return url.toString();
		};
		const connectAs = async (login: string) => {
			const db = postgres(at(login), { max: 1, onnotice: () => {}, connect_timeout: 10 });
			try {
				const [row] = await db`select session_user as who`;
				return { ok: true as const, who: row!.who as string };
			} catch (e) {
				return { ok: false as const, code: (e as { code?: string }).code };
			} finally {
				await db.end();
			}
		};
		try {
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
			await admin.unsafe(`create database "${name}"`);
			// As drizzle/0008 makes it, where the cluster has none yet.
			await admin.unsafe(
				`do $$ begin if not exists (select from pg_roles where rolname = '${APP_ROLE}') then create role ${APP_ROLE} nologin; end if; end $$`
			);
			for (const login of [ours, theirs])
				await admin.unsafe(`create role "${login}" login in role ${APP_ROLE}`);
			// Before this deployment's app starts, any login of the cluster may connect.
			expect(await connectAs(theirs)).toEqual({ ok: true, who: theirs });
			// This deployment starts: migrations as the owner, the app as its own login.
			await run('npx', ['tsx', 'scripts/migrate.ts'], {
				env: { ...process.env, DATABASE_MIGRATION_URL: at(null), DATABASE_URL: at(ours) }
			});
			expect(await connectAs(ours)).toEqual({ ok: true, who: ours });
			// 42501: insufficient privilege (permission denied for database).
			expect(await connectAs(theirs)).toEqual({ ok: false, code: '42501' });
		} finally {
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
			for (const login of [ours, theirs]) await admin.unsafe(`drop role if exists "${login}"`);
			await admin.end();
		}
	}, 120_000);
});
