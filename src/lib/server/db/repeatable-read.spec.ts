import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { getDb, inRepeatableRead, instrumented, rowsOf, schema, type Db, type DbOrTx } from '.';

const level = async (tx: DbOrTx) =>
	rowsOf<{ level: string }>(
		await tx.execute(sql`select current_setting('transaction_isolation') as level`)
	)[0]!.level;

/** One snapshot for a page's reads (the dashboard's): on either database. */
describe('inRepeatableRead', () => {
	it('reads at repeatable read; a plain transaction, even one opened inside it, does not', async () => {
		const db = await getDb();
		expect(await inRepeatableRead(db, (tx) => level(tx))).toBe('repeatable read');
		expect(await db.transaction((tx) => level(tx))).toBe('read committed');
		if (process.env.DATABASE_URL) {
			// On PostgreSQL a transaction opened by the work inside is a new one, on another
			// connection of the pool: the default it asks for, not the mark's level.
			const inner = await inRepeatableRead(db, () => db.transaction((t) => level(t)));
			expect(inner).toBe('read committed');
		}
	});

	it('sees one snapshot: a row committed meanwhile is not read', async () => {
		const db = await getDb();
		const { loginThrottle } = schema;
		const key = `test:repeatable-read:${process.pid}:${Date.now()}`;
		const count = async (tx: DbOrTx) =>
			rowsOf<{ n: number }>(
				await tx.execute(sql`select count(*)::int as n from login_throttle where key = ${key}`)
			)[0]!.n;
		try {
			const seen = await inRepeatableRead(db, async (tx) => {
				const first = await count(tx);
				// Committed by another transaction while this one reads. PGlite has one
				// connection, where it would wait for this one: there the level above shows it.
				if (process.env.DATABASE_URL)
					await db.insert(loginThrottle).values({ key, lastFailureAt: new Date() });
				return [first, await count(tx)];
			});
			expect(seen).toEqual([0, 0]);
			// A plain read afterwards does see it: the insert did commit.
			if (process.env.DATABASE_URL) expect(await count(db)).toBe(1);
		} finally {
			await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
		}
	});
});

describe.skipIf(!process.env.DATABASE_URL)('inRepeatableRead on PostgreSQL', () => {
	it('opens the transaction at its level in one statement, with no `set transaction`', async () => {
		await getDb(); // the driver is known once the handle opens
		const sent: string[] = [];
		const client = postgres(process.env.DATABASE_URL!, {
			max: 1,
			onnotice: () => {},
			// Not the array types' lookup a new connection makes first: only what the app sends.
			fetch_types: false,
			debug: (_id, statement) => sent.push(statement.trim())
		});
		try {
			const db = drizzle(instrumented(client), { schema }) as unknown as Db;
			expect(await inRepeatableRead(db, (tx) => level(tx))).toBe('repeatable read');
			expect(sent).toEqual([
				'begin isolation level repeatable read',
				"select current_setting('transaction_isolation') as level",
				'commit'
			]);
			// Drizzle's own way, which it replaces: a round trip more.
			sent.length = 0;
			await db.transaction((tx) => level(tx), { isolationLevel: 'repeatable read' });
			expect(sent[0]).toBe('begin');
			expect(sent[1]).toMatch(/^set transaction isolation level repeatable read/);
			// A transaction that does not ask for the level opens as before.
			sent.length = 0;
			expect(await db.transaction((tx) => level(tx))).toBe('read committed');
			expect(sent[0]).toBe('begin');
		} finally {
			await client.end();
		}
	});
});
