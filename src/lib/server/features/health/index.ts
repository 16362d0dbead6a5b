import { sql } from 'drizzle-orm';
import { getDb, type Db } from '../../db';

/** How long a readiness probe waits for the database before calling it unreachable. */
const READY_TIMEOUT_MS = 2_000;

/**
 * Ready to serve: the database opened (which applies every migration first, so a server
 * whose migrations failed is never ready) and answers a query within the timeout. The
 * answer says nothing else: no versions, no names, nothing personal.
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
		await db.execute(sql`select 1`);
		return true;
	})().catch(() => false);
	try {
		return await Promise.race([probe, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
