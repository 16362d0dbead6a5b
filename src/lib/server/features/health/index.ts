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
	['email_outbox', 'INSERT'],
	['key_check', 'SELECT']
];
const privilegesHeld = sql.join(
	NEEDED.map(([t, p]) => sql`has_table_privilege(${`public."${t}"`}, ${p})`),
	sql` and `
);

/** Whether the app's role holds the privileges its work needs (NEEDED), on `db`. */
async function rightsHeld(db: Pick<Db, 'execute'>): Promise<boolean> {
	const [row] = rowsOf<{ ok: boolean }>(await db.execute(sql`select ${privilegesHeld} as ok`));
	return row?.ok === true;
}

/** Why an instance does not start on a database whose grants a restore dropped. */
export class MissingRightsError extends Error {
	constructor() {
		super(
			"The app's database role lacks its rights on this database, as after a restore " +
				"without privileges: run scripts/app-role-grants.sql as the database's owner " +
				'(docs/deploy.md, "Backups and restore"), then start again.'
		);
		this.name = 'MissingRightsError';
	}
}

/**
 * At start, before the first statement that needs them: an instance on a database without
 * its role's rights refuses to start and says what to run, instead of failing on whichever
 * table it reads first.
 */
export async function requireAppRights(db: Pick<Db, 'execute'>): Promise<void> {
	if (!(await rightsHeld(db))) throw new MissingRightsError();
}

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
	const probe = open()
		.then(rightsHeld)
		.catch(() => false);
	try {
		return await Promise.race([probe, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
