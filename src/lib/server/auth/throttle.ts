import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { loginThrottle } from '../db/schema';
import { hashToken } from './tokens';

/** Failures allowed before delays start, per account and per client address. */
export const ACCOUNT_FREE_FAILURES = 4;
export const CLIENT_FREE_FAILURES = 19;
export const BASE_DELAY_MS = 30 * 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;
/** A quiet hour forgets earlier failures. */
export const FORGET_AFTER_MS = 60 * 60 * 1000;

/** Growing delay: 30 s, 1 min, 2 min … capped at 15 min. */
export function lockDurationMs(failures: number, freeFailures: number): number {
	if (failures <= freeFailures) return 0;
	const steps = failures - freeFailures - 1;
	return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(steps, 20));
}

export type ThrottleKeys = { account: string; client: string | null };

export function throttleKeys(email: string, clientAddress: string | null): ThrottleKeys {
	return {
		// The e-mail is hashed: the throttle table holds no personal data in clear.
		account: `account:${hashToken(email.trim().toLowerCase())}`,
		client: clientAddress ? `client:${clientAddress}` : null
	};
}

function keyList(keys: ThrottleKeys): string[] {
	return keys.client ? [keys.account, keys.client] : [keys.account];
}

/** The time until which login is refused, or null when it is allowed now. */
export async function lockedUntil(
	db: DbOrTx,
	keys: ThrottleKeys,
	now: Date = new Date()
): Promise<Date | null> {
	const rows = await db
		.select({ lockedUntil: loginThrottle.lockedUntil })
		.from(loginThrottle)
		.where(inArray(loginThrottle.key, keyList(keys)));
	let until: Date | null = null;
	for (const r of rows) {
		if (r.lockedUntil && r.lockedUntil > now && (!until || r.lockedUntil > until)) {
			until = r.lockedUntil;
		}
	}
	return until;
}

/** Counts a failure for each key; returns the lock it causes, if any. */
export async function recordFailure(
	db: DbOrTx,
	keys: ThrottleKeys,
	now: Date = new Date()
): Promise<Date | null> {
	const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
	let until: Date | null = null;
	for (const key of keyList(keys)) {
		const free = key === keys.account ? ACCOUNT_FREE_FAILURES : CLIENT_FREE_FAILURES;
		// One atomic upsert per key, so parallel attempts cannot lose a count.
		const [row] = await db
			.insert(loginThrottle)
			.values({ key, failures: 1, lastFailureAt: now })
			.onConflictDoUpdate({
				target: loginThrottle.key,
				set: {
					failures: sql`case when ${loginThrottle.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz then 1 else ${loginThrottle.failures} + 1 end`,
					lastFailureAt: now
				}
			})
			.returning({ failures: loginThrottle.failures });
		const delay = lockDurationMs(row?.failures ?? 1, free);
		const lock = delay > 0 ? new Date(now.getTime() + delay) : null;
		await db.update(loginThrottle).set({ lockedUntil: lock }).where(eq(loginThrottle.key, key));
		if (lock && (!until || lock > until)) until = lock;
	}
	return until;
}

/** A successful login clears the account's count (the client's decays on its own). */
export async function clearAccountFailures(db: DbOrTx, keys: ThrottleKeys): Promise<void> {
	await db.delete(loginThrottle).where(eq(loginThrottle.key, keys.account));
}
