import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, rowsOf, withKeptPlans, type Tx } from '.';

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
