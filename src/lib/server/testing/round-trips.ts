import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { APP_ROLE, instrumented, schema, type Db } from '../db';

/**
 * A database handle of its own on PostgreSQL (DATABASE_URL), made as the app makes its own,
 * that counts what a feature sends: statements, and round trips, a round trip being the
 * statements issued in one turn of the event loop (postgres.js sends those in one write and
 * only a result brings the next turn). Counted where the code issues them, not on the wire.
 * For one chain of awaits (a submit) the count is the code's alone; where several chains
 * run at once (a page's parts), their results may arrive in different turns and split a
 * round trip in two, so such a count is the least of several runs, not a fixed figure.
 */
export function watchedDb() {
	const seen = { statements: 0, roundTrips: 0 };
	let turn = false;
	const client = postgres(process.env.DATABASE_URL!, {
		max: 1,
		onnotice: () => {},
		connection: { role: APP_ROLE },
		// Not the array types' lookup a new connection makes first: only what the app sends.
		fetch_types: false,
		debug: (_connection: number, statement: string) => {
			// TRACE_TRIPS=1: each statement with the round trip it went in, to find a chain.
			if (process.env.TRACE_TRIPS)
				console.info(`trip ${seen.roundTrips + (turn ? 0 : 1)}: ${statement.slice(0, 160)}`);
			seen.statements++;
			if (turn) return;
			turn = true;
			seen.roundTrips++;
			setImmediate(() => (turn = false));
		}
	});
	const db = drizzle(instrumented(client), { schema, casing: 'snake_case' }) as unknown as Db;
	return {
		db,
		/** What was sent since the last reset. */
		seen,
		reset: () => Object.assign(seen, { statements: 0, roundTrips: 0 }),
		end: () => client.end()
	};
}
