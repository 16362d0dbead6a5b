import { sql } from 'drizzle-orm';
import { getDb, rowsOf, type Db } from '../../db';

/** How long a readiness probe waits for the database before calling it unreachable. */
const READY_TIMEOUT_MS = 2_000;

/**
 * What the app's role must be able to do for a sign-in and a page to work, asked of the
 * database as that role without touching a row. A restore without privileges (docs/deploy.md)
 * loses the grants: the app then answered 500 on every sign-in while a bare `select 1` said
 * ready. One privilege per call: given several, PostgreSQL answers whether any is held.
 */
const NEEDED: [table: string, privilege: string][] = [
	['user', 'SELECT'],
	['session', 'SELECT'],
	['session', 'INSERT'],
	['session', 'UPDATE'],
	['session', 'DELETE'],
	['login_throttle', 'INSERT'],
	['child', 'SELECT'],
	['child', 'UPDATE'],
	['access_log', 'INSERT'],
	['email_outbox', 'INSERT']
];
const privilegesHeld = sql.join(
	NEEDED.map(([t, p]) => sql`has_table_privilege(${`public."${t}"`}, ${p})`),
	sql` and `
);

/**
 * Ready to serve: the database opened (which applies every migration first, so a server
 * whose migrations failed is never ready), answers within the timeout, and the app's role
 * holds the privileges its work needs. The answer says nothing else: no versions, no
 * names, nothing personal.
 */
export async function isReady(
	open: () => Promise<Pick<Db, 'execute'>> = getDb,
	timeoutMs = READY_TIMEOUT_MS
): Promise<boolean> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<false>((resolve) => {
		timer = setTimeout(() => resolve(false), timeoutMs);
	});
	const probe = (async () => {
		const db = await open();
		const [row] = rowsOf<{ ok: boolean }>(await db.execute(sql`select ${privilegesHeld} as ok`));
		return row?.ok === true;
	})().catch(() => false);
	try {
		return await Promise.race([probe, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
