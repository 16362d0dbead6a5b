import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sample } from '../testing/metrics';
import { getDb, pool, POOL_MAX } from '.';

const onPostgres = Boolean(process.env.DATABASE_URL);

describe.skipIf(!onPostgres)('the PostgreSQL pool in /metrics (issue 38)', () => {
	it('counts a transaction while it holds its connection, then its wait and hold', async () => {
		const db = await getDb();
		const waits = await sample('db_pool_wait_seconds_count');
		const before = pool.transactionsOpen;
		const inside = await db.transaction(async (tx) => {
			await tx.execute(sql`select 1`);
			return sample('db_pool_transactions_open');
		});
		expect(inside).toBe(before + 1);
		expect(await sample('db_pool_transactions_open')).toBe(before);
		expect(await sample('db_pool_wait_seconds_count')).toBe(waits + 1);
		expect(await sample('db_pool_held_seconds_count')).toBeGreaterThanOrEqual(waits + 1);
		expect(await sample('db_pool_max_connections')).toBe(POOL_MAX);
	});

	it('shows transactions waiting when more run at once than the pool holds', async () => {
		const db = await getDb();
		const slowBefore = await sample('db_pool_wait_seconds_bucket{le="0.01",service="yhteisarvio"}');
		const countBefore = await sample('db_pool_wait_seconds_count');
		// Twice the pool, each holding its connection for 50 ms: half of them must wait.
		await Promise.all(
			Array.from({ length: POOL_MAX * 2 }, () =>
				db.transaction((tx) => tx.execute(sql`select pg_sleep(0.05)`))
			)
		);
		const count = (await sample('db_pool_wait_seconds_count')) - countBefore;
		const quick =
			(await sample('db_pool_wait_seconds_bucket{le="0.01",service="yhteisarvio"}')) - slowBefore;
		expect(count).toBe(POOL_MAX * 2);
		expect(count - quick).toBeGreaterThanOrEqual(POOL_MAX / 2);
	});
});
