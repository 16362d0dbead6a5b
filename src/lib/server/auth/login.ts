import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { user } from '../db/schema';
import { burnPasswordCheck, verifyPassword } from './password';
import { createSession, type SessionInfo } from './session';
import { clearAccountFailures, lockedUntil, recordFailure, throttleKeys } from './throttle';

export type LoginResult =
	| { ok: true; token: string; session: SessionInfo; userId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAt: Date };

/**
 * Unknown e-mail, wrong password, no password yet and deactivated account all give the
 * same answer after the same work, so a response never tells whether an account exists.
 */
export async function login(
	db: DbOrTx,
	input: { email: string; password: string; clientAddress: string | null },
	now: Date = new Date()
): Promise<LoginResult> {
	const email = input.email.trim().toLowerCase();
	const keys = throttleKeys(email, input.clientAddress);
	const locked = await lockedUntil(db, keys, now);
	if (locked) return { ok: false, reason: 'throttled', retryAt: locked };

	const [found] = await db.select().from(user).where(eq(user.email, email));
	let valid = false;
	if (found?.passwordHash && found.active) {
		valid = await verifyPassword(found.passwordHash, input.password);
	} else {
		await burnPasswordCheck(input.password);
	}

	if (!valid || !found) {
		const lock = await recordFailure(db, keys, now);
		return lock
			? { ok: false, reason: 'throttled', retryAt: lock }
			: { ok: false, reason: 'invalid' };
	}
	await clearAccountFailures(db, keys);
	const { token, session } = await createSession(db, found.id, now);
	return { ok: true, token, session, userId: found.id };
}
