import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Migration 0017 on a database made before it (docs/domain.md §3 revised): every open
 * `notification` grant ends, each ending in the access log; an open-ended 41 § grant gets
 * an end; every contact gets its own reference number. Runs the migrations up to 0016 from
 * a copy of the folder, writes the old rows, then runs the rest.
 */
const dir = mkdtempSync(join(tmpdir(), 'mig0017-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function foldersUpTo(last: number) {
	const folder = join(dir, `upto-${last}`);
	cpSync('drizzle', folder, { recursive: true });
	const journalFile = join(folder, 'meta/_journal.json');
	const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
		entries: { idx: number }[];
	};
	journal.entries = journal.entries.filter((e) => e.idx <= last);
	writeFileSync(journalFile, JSON.stringify(journal));
	return folder;
}

describe('migration 0017: a notification gives no access', () => {
	it('ends the notification grants with a log row each, ends open 41 § grants, numbers contacts', async () => {
		const client = new PGlite();
		const db = drizzle(client);
		await migrate(db, { migrationsFolder: foldersUpTo(16) });
		const one = async <T>(q: string) => (await client.query<T>(q)).rows[0]!;
		const org = await one<{ id: string }>(
			`insert into organisation (name, kind) values ('Koulu', 'school') returning id`
		);
		const cp = await one<{ id: string }>(
			`insert into organisation (name, kind) values ('Lastensuojelu', 'child_protection') returning id`
		);
		const team = await one<{ id: string }>(
			`insert into team (organisation_id, name) values ('${cp.id}', 'Tiimi') returning id`
		);
		const u = await one<{ id: string }>(
			`insert into "user" (email, display_name) values ('a@b.example', 'A') returning id`
		);
		const kid = await one<{ id: string }>(
			`insert into child (team_id, given_name, family_name, date_of_birth, home_municipality)
			 values ('${team.id}', 'Lapsi', 'Testi', '2015-01-01', 'X') returning id`
		);
		const grant = (basis: string, extra = '') =>
			one<{ id: string }>(
				`insert into access_grant (child_id, organisation_id, basis, valid_from, granted_by${extra ? ', revoked_at' : ''})
				 values ('${kid.id}', '${org.id}', '${basis}', '2026-01-01', '${u.id}'${extra}) returning id`
			);
		const open = await grant('notification');
		const alreadyEnded = await grant('notification', `, now() - interval '1 day'`);
		const request = await grant('statutory_request');
		const consent = await grant('consent');
		for (const day of ['2026-02-01', '2026-01-01'])
			await client.query(
				`insert into case_contact (child_id, kind, received_on, notifier_kind, summary, filed_by, filed_by_organisation_id)
				 values ('${kid.id}', 'notification', '${day}', 'school', 'Huoli', '${u.id}', '${org.id}')`
			);

		await migrate(db, { migrationsFolder: 'drizzle' });

		const grants = new Map(
			(
				await client.query<{ id: string; revoked_at: Date | null; valid_until: string | null }>(
					`select id, revoked_at, valid_until::text from access_grant`
				)
			).rows.map((g) => [g.id, g])
		);
		expect(grants.get(open.id)!.revoked_at).not.toBeNull();
		expect(grants.get(alreadyEnded.id)!.revoked_at).not.toBeNull();
		expect(grants.get(consent.id)).toMatchObject({ revoked_at: null, valid_until: null });
		expect(grants.get(request.id)).toMatchObject({ revoked_at: null });
		expect(grants.get(request.id)!.valid_until).not.toBeNull();
		const log = await client.query<{ entity_id: string; child_id: string; request_id: string }>(
			`select entity_id, child_id, request_id from access_log where action = 'revoke'`
		);
		// One row per grant this migration ended; none for the one ended before.
		expect(log.rows).toEqual([
			{ entity_id: open.id, child_id: kid.id, request_id: expect.stringMatching(/0017/) }
		]);
		const refs = await client.query<{ reference: string }>(
			`select reference from case_contact order by created_at, id`
		);
		expect(refs.rows.map((r) => r.reference)).toEqual(['LS-000001', 'LS-000002']);
		// A 41 § grant without an end can no longer be written.
		await expect(grant('statutory_request')).rejects.toThrow(/access_grant_request_ends/);
		await client.close();
	}, 120_000);
});
