import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { readEnv } from '../env';
import { log } from '../log';
import { copyPgliteTemplate } from './pglite-template';
import { togetherAll } from './together';
import * as schema from './schema';

export { schema };
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Services accept either, so a caller can compose them inside one transaction. */
export type DbOrTx = Db | Tx;

/** The rows of a raw `execute` result: postgres.js gives an array, PGlite `{ rows }`. */
export function rowsOf<T = Record<string, unknown>>(res: unknown): T[] {
	return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

/**
 * Runs `fn` in a transaction: the caller's, when it passes one (no savepoint: a page that
 * composes several reads is one transaction), else a new one.
 */
export function inTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return isTransaction(db) ? fn(db) : db.transaction(fn);
}

/** Whether `db` is a caller's transaction: what is written in it goes if it rolls back. */
export function isTransaction(db: DbOrTx): db is Tx {
	return db instanceof PgTransaction;
}

/**
 * The role every query of the app runs as: it cannot alter the records it must not
 * (drizzle/0008_app_role.sql, ADR 013). Migrations run as the owner before the switch.
 */
export const APP_ROLE = 'yhteisarvio_app';

type Handle = { db: Db; close: () => Promise<void>; driver: 'postgres' | 'pglite'; fresh: boolean };

let handle: Promise<Handle> | null = null;
let snapshot: string | null = null;

/**
 * Tests only: an in-memory PGlite starts from this already migrated data folder (a tar
 * file) instead of running every migration again in each test file.
 */
export function usePgliteSnapshot(file: string): void {
	snapshot = file;
}

/**
 * One module picks the driver: postgres.js when DATABASE_URL is set, otherwise an
 * embedded PGlite in DATA_DIR ('memory://' keeps it in memory, for tests).
 * Migrations run before the handle is returned.
 */
export function openDb(): Promise<Handle> {
	handle ??= connect();
	return handle;
}

export async function getDb(): Promise<Db> {
	return (await openDb()).db;
}

export async function closeDb(): Promise<void> {
	if (!handle) return;
	const pending = handle;
	handle = null;
	const h = await pending.catch(() => null);
	await h?.close();
}

/**
 * The access log's monthly partitions for this month and the next two (ADR 026), made
 * whenever a handle opens, after the migrations: a database migrated in another month (a
 * restored backup, the tests' cached copy) then still has the month it is used in. The
 * running app adds them again every hour (startup.ts); a row whose month has none lands
 * in the default partition, never lost.
 */
export const LOG_MONTHS_AHEAD = 2;
const LOG_PARTITIONS = `select access_log_add_months($1::date, ${LOG_MONTHS_AHEAD})`;
const logMonth = () => new Date().toISOString().slice(0, 10);

/**
 * Only this deployment's logins connect to its database (ADR 013): the app role's name is
 * the same in every deployment, so on a shared cluster another deployment's login is a
 * member of it too. CONNECT is taken from PUBLIC and given to the app's login (and kept by
 * the owner, who owns the database). Run as the owner at every start: idempotent.
 */
async function connectOnlyAs(owner: import('postgres').Sql, login: string) {
	const [{ db }] = (await owner`select current_database() as db`) as unknown as [{ db: string }];
	await owner`revoke connect, temporary on database ${owner(db)} from public`;
	await owner`grant connect on database ${owner(db)} to ${owner(login)}`;
}

/** The advisory lock key the migrating instance holds (any constant bigint will do). */
const MIGRATION_LOCK = 7_262_024;

type Sql = import('postgres').Sql;

/** The PostgreSQL pool's connections, the most one instance opens (each `max` of the pool). */
export const POOL_MAX = 10;

const listeners: ((waitSeconds: number, heldSeconds: number) => void)[] = [];
/**
 * The pool's load as the metrics read it (server/metrics.ts): transactions holding a
 * connection now, and each finished one's wait for its connection and time holding it.
 */
export const pool = { transactionsOpen: 0, listeners };

/** How `withKeptPlans` and `withCustomPlans` ask their statements to be planned. */
const keptPlans = new AsyncLocalStorage<'kept' | 'custom'>();
/** Set while `inRepeatableRead` opens its transaction on PostgreSQL (see there). */
const repeatable = new AsyncLocalStorage<true>();
/** The driver the handle opened with; set when it connects. */
let driver: Handle['driver'] | null = null;

/**
 * Runs `fn` in a new transaction at `repeatable read`: every statement sees one snapshot.
 * Drizzle opens it with `begin` and then sends `set transaction` as a round trip of its
 * own; on PostgreSQL the level goes with the `begin` instead (postgres.js's
 * `begin(options, fn)`, through the client Drizzle is given), one round trip fewer on
 * every page that reads so. PGlite, one connection and no pool, takes Drizzle's way.
 */
export function inRepeatableRead<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
	if (driver !== 'postgres') return db.transaction(fn, { isolationLevel: 'repeatable read' });
	// Only this `begin` reads the mark: the transaction's own work runs without it, so a
	// transaction `fn` might open elsewhere is the default one it asks for.
	return repeatable.run(true, () => db.transaction((tx) => repeatable.exit(() => fn(tx))));
}

/**
 * Runs `fn` with its statements prepared on their connections, so PostgreSQL keeps their
 * plans (a generic plan after five runs) instead of planning each one again: for the hot
 * paths whose plans the bench shows are the same for every team and child (ADR 045).
 * Elsewhere each statement is planned for its own values, as a skewed organisation (a
 * school with 2,000 grants beside one with seven) needs.
 */
export function withKeptPlans<T>(fn: () => Promise<T>): Promise<T> {
	return keptPlans.run('kept', fn);
}

/**
 * Runs `fn` with the statements of its transactions prepared, but each planned for its own
 * values (`plan_cache_mode = force_custom_plan` for the transaction): no kept plan, as a
 * skewed organisation needs, and none of what an unnamed statement costs on PostgreSQL:
 * postgres.js first asks the server for an unnamed statement's parameter types (a round
 * trip of its own) and sends nothing after it until the answer comes, so the statements of
 * `together` go down one by one (ADR 049). Statements outside a transaction stay unnamed.
 */
export function withCustomPlans<T>(fn: () => Promise<T>): Promise<T> {
	return keptPlans.run('custom', fn);
}

/**
 * The client Drizzle is given: inside `withKeptPlans`, a statement is a prepared (named) one,
 * as postgres.js makes its own tagged queries; Drizzle's driver sends each one unnamed. Each
 * transaction is counted for the pool's metrics (`pool`). Transactions and savepoints hand
 * Drizzle their own client, wrapped the same way. Exported for the specs that watch what it
 * sends.
 */
export function instrumented(
	client: Sql,
	/** A transaction's client: 'custom' when it began with custom plans set (withCustomPlans). */
	transaction: false | 'plain' | 'custom' = false
): Sql {
	return new Proxy(client, {
		get(target, key, receiver) {
			if (key === 'unsafe')
				return (query: string, params?: unknown[], options?: { prepare?: boolean }) => {
					const plans = keptPlans.getStore();
					return target.unsafe(query, params as never, {
						...options,
						// Custom plans only where the transaction set them: a statement of
						// withCustomPlans inside a caller's plain transaction stays unnamed, so it
						// is never kept with a generic plan.
						prepare:
							options?.prepare === true ||
							plans === 'kept' ||
							(plans === 'custom' && transaction === 'custom')
					});
				};
			if (key === 'begin' || key === 'savepoint')
				return (...args: unknown[]) => {
					const fn = args.pop() as (tx: Sql) => unknown;
					const method = Reflect.get(target, key, target) as (...a: unknown[]) => unknown;
					if (key === 'savepoint')
						return method.call(target, ...args, (tx: Sql) => fn(instrumented(tx, transaction)));
					// `begin isolation level repeatable read`, one statement (inRepeatableRead).
					if (!args.length && repeatable.getStore()) args = ['isolation level repeatable read'];
					const custom = keptPlans.getStore() === 'custom';
					// A transaction holds a connection of the pool from its first statement to
					// its end: the wait for one and the time held are the pool's load.
					const asked = performance.now();
					return method.call(target, ...args, async (tx: Sql) => {
						const got = performance.now();
						pool.transactionsOpen++;
						try {
							if (!custom) return await fn(instrumented(tx, 'plain'));
							// Sent first and not waited for: the transaction's first statements
							// go down behind it in the same write, planned under it.
							const planned = tx.unsafe('set local plan_cache_mode = force_custom_plan').execute();
							const [, result] = await togetherAll([planned, fn(instrumented(tx, 'custom'))]);
							return result;
						} finally {
							pool.transactionsOpen--;
							for (const listener of pool.listeners)
								listener((got - asked) / 1000, (performance.now() - got) / 1000);
						}
					});
				};
			return Reflect.get(target, key, receiver) as unknown;
		}
	});
}

async function connect(): Promise<Handle> {
	const env = readEnv();
	const migrationsFolder = env.MIGRATIONS_DIR;
	if (env.DATABASE_URL) {
		const { default: postgres } = await import('postgres');
		const { drizzle } = await import('drizzle-orm/postgres-js');
		const { migrate } = await import('drizzle-orm/postgres-js/migrator');
		// Migrations as the owner (DATABASE_MIGRATION_URL, or the same URL when it is the
		// owner, as in development and CI), on a connection of their own.
		const owner = postgres(env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL, {
			max: 1,
			onnotice: () => {}
		});
		// Every pooled connection starts as the app role (a startup parameter, so a
		// reconnect cannot forget it). The login role must be a member of it. Made here,
		// unconnected, for the login name it will use.
		const client = postgres(env.DATABASE_URL, {
			max: POOL_MAX,
			onnotice: () => {},
			connection: { role: APP_ROLE }
		});
		try {
			// Instances starting together apply each migration once: the first holds this
			// session lock while it migrates, the others wait and then find nothing to do.
			await owner`select pg_advisory_lock(${MIGRATION_LOCK})`;
			await migrate(drizzle(owner, { casing: 'snake_case' }), { migrationsFolder });
			await owner.unsafe(LOG_PARTITIONS, [logMonth()]);
			await connectOnlyAs(owner, client.options.user);
		} finally {
			await owner.end();
		}
		const db = drizzle(instrumented(client), { schema, casing: 'snake_case' });
		driver = 'postgres';
		return { db: db as unknown as Db, close: () => client.end(), driver, fresh: false };
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	const inMemory = env.DATA_DIR.startsWith('memory://');
	const fresh = inMemory || !existsSync(join(env.DATA_DIR, 'PG_VERSION'));
	// A first start copies the build's migrated template instead of making the database
	// from nothing: seconds of a newcomer's first `npm start` (ADR 034).
	if (fresh && !inMemory && copyPgliteTemplate(env.PGLITE_TEMPLATE, env.DATA_DIR, migrationsFolder))
		log.info('Embedded database copied from the build.');
	const client = new PGlite(env.DATA_DIR, {
		loadDataDir: inMemory && snapshot ? new Blob([readFileSync(snapshot)]) : undefined
	});
	const db = drizzle(client, { schema, casing: 'snake_case' });
	await migrate(db, { migrationsFolder });
	await client.query(LOG_PARTITIONS, [logMonth()]);
	// One connection: from here on it is the app role. The embedded database's only user is
	// a superuser, so this guards against bugs, not a compromised process (ADR 013).
	await client.exec(`SET ROLE ${APP_ROLE}`);
	driver = 'pglite';
	return { db: db as unknown as Db, close: () => client.close(), driver, fresh };
}

/** A unique index refused the row (SQL state 23505), from the driver or wrapped by Drizzle. */
export function isUniqueViolation(e: unknown): boolean {
	const err = e as { code?: unknown; cause?: { code?: unknown } } | null;
	return (err?.cause?.code ?? err?.code) === '23505';
}
