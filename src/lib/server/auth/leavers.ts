import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { nextVersion } from '../db/lock';
import { session, user, userIdentity } from '../db/schema';
import { securityEvent } from './security-events';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Leavers (DOMAIN §12): the organisation's provider no longer signs in a person who has
 * left, and the app learns it only by their absence. An active account linked to a
 * provider that none of its identities has signed in for `days` is deactivated and its
 * sessions end; an admin activates it again if the person is back. Accounts with a
 * password only are not touched: their organisations manage leavers by hand.
 */
export async function deactivateLeavers(db: DbOrTx, days: number, now: Date = new Date()) {
	const cutoff = new Date(now.getTime() - days * DAY_MS);
	const stale = db
		.select({ userId: userIdentity.userId })
		.from(userIdentity)
		.groupBy(userIdentity.userId)
		.having(sql`max(${userIdentity.lastSignInAt}) < ${cutoff.toISOString()}::timestamptz`);
	const gone = await db.transaction(async (tx) => {
		const rows = await tx
			.update(user)
			.set({ active: false, updatedAt: now, version: nextVersion(user) })
			.where(and(eq(user.active, true), inArray(user.id, stale)))
			.returning({ id: user.id });
		const ids = rows.map((r) => r.id);
		if (ids.length) await tx.delete(session).where(inArray(session.userId, ids));
		return ids;
	});
	for (const userId of gone) securityEvent('provider_leaver_deactivated', { userId });
	return gone;
}
