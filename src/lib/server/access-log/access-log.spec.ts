import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addLogPartitions, gatheringLog, recordAccess, recordAccessMany, type Actor } from '.';
import type { DbOrTx } from '../db';
import { db, makeUser, uniq } from '../testing/fixtures';
import { rowsOf, sqlState } from '../testing/routes';

/** Refused for want of rights (42501), not failing for some other reason. */
const refused = (e: unknown) => sqlState(e) === '42501';

async function count(entityId: string) {
	const d = await db();
	const res = await d.execute(
		sql`select count(*)::int as n from access_log where entity_id = ${entityId}`
	);
	return rowsOf<{ n: number }>(res)[0]!.n;
}

/** One allowed row about a test entity, as a feature writes it. */
function logTest(d: DbOrTx, actor: Actor, id: string, action = 'read') {
	return recordAccess(d, { actor, action, entityType: 'test', entityId: id, outcome: 'allowed' });
}

describe('recordAccessMany', () => {
	it('writes more rows than one statement can bind (65,535 parameters), all of them', async () => {
		const { actor } = await makeUser('social_worker');
		const id = `entity-${uniq()}`;
		const entries = Array.from({ length: 7_000 }, () => ({
			actor,
			action: 'list',
			entityType: 'test',
			entityId: id,
			outcome: 'allowed' as const
		}));
		await recordAccessMany(await db(), entries);
		expect(await count(id)).toBe(7_000);
	}, 60_000);
});

describe('access_log is append-only in the database', () => {
	it('accepts new rows through recordAccess', async () => {
		const { actor } = await makeUser('social_worker');
		const id = `entity-${uniq()}`;
		await logTest(await db(), actor, id);
		expect(await count(id)).toBe(1);
	});

	it('refuses UPDATE, DELETE and TRUNCATE whatever the application does', async () => {
		const { actor } = await makeUser('social_worker');
		const id = `entity-${uniq()}`;
		const d = await db();
		await logTest(d, actor, id);
		await expect(
			d.execute(sql`update access_log set outcome = 'denied' where entity_id = ${id}`)
		).rejects.toSatisfy(refused);
		await expect(d.execute(sql`delete from access_log where entity_id = ${id}`)).rejects.toSatisfy(
			refused
		);
		await expect(d.execute(sql`truncate access_log`)).rejects.toSatisfy(refused);
		expect(await count(id)).toBe(1);
	});

	it('rolls back with the transaction it belongs to', async () => {
		const { actor } = await makeUser('social_worker');
		const id = `entity-${uniq()}`;
		const d = await db();
		await expect(
			d.transaction(async (tx) => {
				await logTest(tx, actor, id, 'write');
				throw new Error('the write failed');
			})
		).rejects.toThrow('the write failed');
		expect(await count(id)).toBe(0);
	});
});

describe('the access log at national scale (ADR 026)', () => {
	const one = async (q: ReturnType<typeof sql>) => {
		return rowsOf(await (await db()).execute(q))[0]!;
	};

	it('writes into this month’s partition, with a time-ordered key', async () => {
		const { actor } = await makeUser('social_worker');
		const id = `entity-${uniq()}`;
		const d = await db();
		await logTest(d, actor, id);
		await logTest(d, actor, id);
		const month = new Date().toISOString().slice(0, 7).replace('-', '_');
		const rows = await d.execute(
			sql`select tableoid::regclass::text as part, id from access_log where entity_id = ${id} order by at, id`
		);
		const list = rowsOf<{ part: string; id: number | string }>(rows);
		expect(list.map((r) => r.part)).toEqual([`access_log_${month}`, `access_log_${month}`]);
		expect(BigInt(list[1]!.id)).toBeGreaterThan(BigInt(list[0]!.id));
	});

	it('has the partitions for this month and the next two, and making them again is a no-op', async () => {
		const d = await db();
		await addLogPartitions(d);
		const before = await one(
			sql`select count(*)::int as n from pg_inherits where inhparent = 'access_log'::regclass`
		);
		await addLogPartitions(d);
		const after = await one(
			sql`select count(*)::int as n from pg_inherits where inhparent = 'access_log'::regclass`
		);
		expect(after).toEqual(before);
		const now = new Date();
		for (const k of [0, 1, 2]) {
			const m = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + k, 1));
			const name = `access_log_${m.toISOString().slice(0, 7).replace('-', '_')}`;
			expect(await one(sql`select to_regclass(${name})::text as t`)).toEqual({ t: name });
		}
	});

	it('makes a later month when asked, and still answers for it', async () => {
		const d = await db();
		const later = new Date();
		later.setUTCFullYear(later.getUTCFullYear() + 3);
		await addLogPartitions(d, later);
		const name = `access_log_${later.toISOString().slice(0, 7).replace('-', '_')}`;
		expect(await one(sql`select to_regclass(${name})::text as t`)).toEqual({ t: name });
	});
});

describe('gatheringLog', () => {
	it('writes the rows of a page in one insert, and a row arriving after it on its own', async () => {
		const d = await db();
		const { actor } = await makeUser('social_worker');
		const id = `gathered-${uniq()}`;
		const row = {
			actor,
			action: 'read',
			entityType: 'test',
			entityId: id,
			outcome: 'allowed' as const
		};
		let late: Promise<void> | undefined;
		await d.transaction(async (tx) => {
			await gatheringLog(tx, async () => {
				await recordAccess(tx, row);
				await recordAccess(tx, row);
				// Not awaited by the page: it lands after the page's insert.
				late = new Promise((r) => setTimeout(r, 20)).then(() => recordAccess(tx, row));
			});
			await late;
		});
		expect(await count(id)).toBe(3);
	});
});
