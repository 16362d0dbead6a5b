import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { loginThrottle } from '../db/schema';
import { hashToken } from './tokens';

/** Attempts allowed before delays start, per account. The main limit. */
export const ACCOUNT_FREE_FAILURES = 4;
/**
 * Per client address: high, so that an office behind one NAT address is not locked out by a
 * few colleagues' typos; it only stops one address trying many accounts.
 */
export const CLIENT_FREE_FAILURES = 100;
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

export type Reservation =
	{ allowed: true; lockedUntil: Date | null } | { allowed: false; lockedUntil: Date };

/**
 * Reserves one attempt for `key` in one statement that counts and refuses: while the key is
 * locked nothing is counted and the attempt is refused; otherwise the count goes up and, past
 * `free`, the lock for the next attempts is set in the same statement. So however many
 * requests arrive at once, no more than `free + 1` password checks happen per window, then
 * one per lock period. Call it before the secret is checked; a success then `release`s.
 */
export async function reserveAttempt(
	db: DbOrTx,
	key: string,
	free: number,
	now: Date = new Date()
): Promise<Reservation> {
	const attempt = crypto.randomUUID();
	const nowIso = now.toISOString();
	const forget = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
	const t = loginThrottle;
	const locked = sql`${t.lockedUntil} is not null and ${t.lockedUntil} > ${nowIso}::timestamptz`;
	const next = sql`(case when ${t.lastFailureAt} < ${forget}::timestamptz then 1 else ${t.failures} + 1 end)`;
	const lockFor = (count: typeof next) =>
		sql`(case when ${count} > ${free}::int then ${nowIso}::timestamptz + make_interval(secs => least(${MAX_DELAY_MS / 1000}::float8, ${BASE_DELAY_MS / 1000}::float8 * power(2, least(${count} - ${free}::int - 1, 20)))) else null end)`;
	const [row] = await db
		.insert(t)
		.values({
			key,
			failures: 1,
			lastFailureAt: now,
			lockedUntil: lockDurationMs(1, free)
				? new Date(now.getTime() + lockDurationMs(1, free))
				: null,
			attemptId: attempt
		})
		.onConflictDoUpdate({
			target: t.key,
			set: {
				failures: sql`case when ${locked} then ${t.failures} else ${next} end`,
				lastFailureAt: sql`case when ${locked} then ${t.lastFailureAt} else ${nowIso}::timestamptz end`,
				attemptId: sql`case when ${locked} then ${t.attemptId} else ${attempt}::uuid end`,
				lockedUntil: sql`case when ${locked} then ${t.lockedUntil} else ${lockFor(next)} end`
			}
		})
		.returning({ attemptId: t.attemptId, lockedUntil: t.lockedUntil });
	if (row?.attemptId === attempt) return { allowed: true, lockedUntil: row.lockedUntil };
	return {
		allowed: false,
		lockedUntil: row?.lockedUntil ?? new Date(now.getTime() + BASE_DELAY_MS)
	};
}

/** The secret was right: the key starts afresh. */
export async function clearAttempts(db: DbOrTx, key: string): Promise<void> {
	await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/** The secret was right: this attempt does not count against a shared key (an address). */
export async function releaseAttempt(db: DbOrTx, key: string): Promise<void> {
	await db
		.update(loginThrottle)
		.set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
		.where(eq(loginThrottle.key, key));
}

/**
 * The two limits of a password login. The account's is the lock: past its free attempts
 * nothing is checked until it opens. The address's slows a guesser trying many accounts
 * from one address, not the colleagues behind that address: once it is locked the
 * password is still checked (within the account's limit), and only a wrong one is refused
 * for the address. A right one goes on to the second factor, which has its own limit.
 */
export type LoginReservation =
	| { allowed: false; lockedUntil: Date }
	| {
			allowed: true;
			/** This attempt used the account's last free one (or the address's). */
			lockedUntil: Date | null;
			/** The address is locked: a wrong password is refused until then. */
			clientLockedUntil: Date | null;
			/** Whether this attempt was counted against the address (a success gives it back). */
			clientCounted: boolean;
	  };

export async function reserveLogin(
	db: DbOrTx,
	keys: ThrottleKeys,
	now: Date = new Date()
): Promise<LoginReservation> {
	const account = await reserveAttempt(db, keys.account, ACCOUNT_FREE_FAILURES, now);
	if (!account.allowed) return account;
	if (!keys.client) return { ...account, clientLockedUntil: null, clientCounted: false };
	const client = await reserveAttempt(db, keys.client, CLIENT_FREE_FAILURES, now);
	if (!client.allowed)
		return {
			allowed: true,
			lockedUntil: account.lockedUntil,
			clientLockedUntil: client.lockedUntil,
			clientCounted: false
		};
	const locks = [account.lockedUntil, client.lockedUntil].filter((d): d is Date => d !== null);
	return {
		allowed: true,
		lockedUntil: locks.length ? new Date(Math.max(...locks.map(Number))) : null,
		clientLockedUntil: null,
		clientCounted: true
	};
}

export async function loginSucceeded(
	db: DbOrTx,
	keys: ThrottleKeys,
	clientCounted: boolean
): Promise<void> {
	await clearAttempts(db, keys.account);
	if (keys.client && clientCounted) await releaseAttempt(db, keys.client);
}

/**
 * Throttles with no failure since `before` and no lock running (ADR 046): a quiet hour
 * already forgets failures, so these rows only keep hashed keys and addresses around.
 */
export async function forgetQuietThrottles(db: DbOrTx, before: Date, now = new Date()) {
	const t = loginThrottle;
	const gone = await db
		.delete(t)
		.where(and(lt(t.lastFailureAt, before), or(isNull(t.lockedUntil), lt(t.lockedUntil, now))))
		.returning({ key: t.key });
	return gone.length;
}
