import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, rowsOf, withCustomPlans, withKeptPlans, type Db, type Tx } from '.';
import { watchedDb } from '../testing/round-trips';
import { makeUser } from '../testing/fixtures';
import { unreadCount } from '../features/notifications';

const onPostgres = Boolean(process.env.DATABASE_URL);

/**
 * Runs a statement that names `tag`, then asks the connection which prepared statements it
 * holds with that name in their text (pg_prepared_statements is per connection, and a
 * transaction keeps to one).
 */
async function preparedAfter(tx: Tx, tag: string): Promise<number> {
	// With a parameter, as Drizzle's statements have: one without goes by the simple protocol.
	await tx.execute(sql`select ${1}::int as ${sql.raw(`kept_plan_${tag}`)}`);
	const [row] = rowsOf<{ n: number }>(
		await tx.execute(
			sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%kept_plan_${tag}%`}`
		)
	);
	return row!.n;
}

describe.skipIf(!onPostgres)('kept plans on the hot paths (ADR 045, PostgreSQL)', () => {
	it('prepares the statements run inside withKeptPlans on their connection', async () => {
		const db = await getDb();
		const tag = `in_${Date.now()}`;
		expect(await withKeptPlans(() => db.transaction((tx) => preparedAfter(tx, tag)))).toBe(1);
	});

	it('leaves every other statement unnamed, planned for its own values', async () => {
		const db = await getDb();
		const tag = `out_${Date.now()}`;
		expect(await db.transaction((tx) => preparedAfter(tx, tag))).toBe(0);
	});
});

describe.skipIf(!onPostgres)('custom plans, prepared (ADR 049, PostgreSQL)', () => {
	/** How the connection planned the statement that names `tag`, over all its runs. */
	const plansOf = async (d: Db, tag: string) =>
		rowsOf<{ generic: number; custom: number }>(
			await d.execute(
				sql`select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where statement like ${`%plans_${tag}%`}`
			)
		);
	const run = (d: Db, tag: string) =>
		d.transaction((tx) => tx.execute(sql`select ${1}::int as ${sql.raw(`plans_${tag}`)}`));

	it('prepares a transaction’s statements and plans each run for its own values', async () => {
		// One connection, so what it holds is what these runs left.
		const watched = watchedDb();
		try {
			const tag = `custom_${Date.now()}`;
			for (let i = 0; i < 7; i++) await withCustomPlans(() => run(watched.db, tag));
			expect(await plansOf(watched.db, tag)).toEqual([{ generic: 0, custom: 7 }]);
			// Kept plans, for contrast: past five runs PostgreSQL keeps the generic plan.
			const kept = `kept_${Date.now()}`;
			for (let i = 0; i < 7; i++) await withKeptPlans(() => run(watched.db, kept));
			expect((await plansOf(watched.db, kept))[0]!.generic).toBeGreaterThan(0);
			// The setting is the transaction's: the connection plans as before afterwards.
			const [after] = rowsOf<{ mode: string }>(
				await watched.db.execute(sql`select current_setting('plan_cache_mode') as mode`)
			);
			expect(after!.mode).toBe('auto');
		} finally {
			await watched.end();
		}
	});

	it('leaves a statement unnamed outside a transaction, or in one it did not begin', async () => {
		const watched = watchedDb();
		try {
			const tag = `outside_${Date.now()}`;
			await withCustomPlans(() =>
				watched.db.execute(sql`select ${1}::int as ${sql.raw(`plans_${tag}`)}`)
			);
			expect(await plansOf(watched.db, tag)).toEqual([]);
			// A caller's transaction has no custom plans set: prepared there, the statement
			// could be kept with a generic plan, so it is not prepared at all.
			const inner = `inner_${Date.now()}`;
			for (let i = 0; i < 7; i++)
				await watched.db.transaction((tx) =>
					withCustomPlans(async () => {
						await tx.execute(sql`select ${1}::int as ${sql.raw(`plans_${inner}`)}`);
					})
				);
			expect(await plansOf(watched.db, inner)).toEqual([]);
		} finally {
			await watched.end();
		}
	});
});

describe.skipIf(!onPostgres)('the header’s unread count (ADR 045, PostgreSQL)', () => {
	it('is a kept statement: one round trip on every signed-in page', async () => {
		const { user } = await makeUser('social_worker');
		const watched = watchedDb();
		try {
			expect(await unreadCount(watched.db, user.id)).toBe(0);
			const [row] = rowsOf<{ n: number }>(
				await watched.db.execute(
					sql`select count(*)::int as n from pg_prepared_statements where statement like '%count(%"notification"%'`
				)
			);
			expect(row!.n).toBe(1);
		} finally {
			await watched.end();
		}
	});
});
