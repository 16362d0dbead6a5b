import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { membership, organisation, user } from '../db/schema';
import { securityEvent } from './security-events';
import { burnPasswordCheck, verifyPassword } from './password';
import { createSession, type SessionInfo } from './session';
import { loginSucceeded, reserveLogin, throttleKeys } from './throttle';

export type LoginResult =
	| { ok: true; token: string; session: SessionInfo; userId: string }
	| { ok: false; reason: 'invalid' }
	/** The password was right, but an organisation of the person's signs in by provider only. */
	| { ok: false; reason: 'provider_only' }
	| { ok: false; reason: 'throttled'; retryAt: Date };

/**
 * Unknown e-mail, wrong password, no password yet and deactivated account all give the
 * same answer after the same work, so a response never tells whether an account exists.
 * The attempt is reserved before the password is checked (see `reserveAttempt`); a locked
 * account is refused unchecked, a locked address only refuses a wrong password.
 */
export async function login(
	db: DbOrTx,
	input: {
		email: string;
		password: string;
		clientAddress: string | null;
		userAgent?: string | null;
	},
	now: Date = new Date(),
	verify: (hash: string, password: string) => Promise<boolean> = verifyPassword
): Promise<LoginResult> {
	const email = input.email.trim().toLowerCase();
	const keys = throttleKeys(email, input.clientAddress);
	const reservation = await reserveLogin(db, keys, now);
	if (!reservation.allowed) {
		securityEvent('sign_in_locked');
		return { ok: false, reason: 'throttled', retryAt: reservation.lockedUntil };
	}

	const [found] = await db.select().from(user).where(eq(user.email, email));
	let valid = false;
	if (found?.passwordHash && found.active) {
		valid = await verify(found.passwordHash, input.password);
	} else {
		await burnPasswordCheck(input.password);
	}

	if (!valid || !found) {
		// A locked address refuses a wrong password; so does an attempt that used the last
		// free one (said now rather than on the next try). The same 429 either way.
		const until = reservation.clientLockedUntil ?? reservation.lockedUntil;
		securityEvent(until ? 'sign_in_locked' : 'sign_in_password_refused', {
			userId: found?.id ?? null
		});
		return until
			? { ok: false, reason: 'throttled', retryAt: until }
			: { ok: false, reason: 'invalid' };
	}
	// A right password passes a locked address: the address limit slows a guesser, never a
	// colleague behind the same address (the second factor still follows, with its own limit).
	await loginSucceeded(db, keys, reservation.clientCounted);
	// Said only after a right password, so it tells a guesser nothing about the account.
	if (await providerOnly(db, found.id)) {
		securityEvent('sign_in_password_refused', { userId: found.id, what: 'provider_only' });
		return { ok: false, reason: 'provider_only' };
	}
	// The password alone opens nothing: a pending session, until the second factor.
	const { token, session } = await createSession(db, found.id, now, {
		secondFactor: false,
		userAgent: input.userAgent ?? null
	});
	securityEvent('sign_in_password_accepted', { userId: found.id });
	return { ok: true, token, session, userId: found.id };
}

/**
 * Whether any organisation the person is a member of signs in through its provider only
 * (DOMAIN §12): a password then opens nothing, lest it reach that organisation's data.
 */
async function providerOnly(db: DbOrTx, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: membership.id })
		.from(membership)
		.innerJoin(organisation, eq(organisation.id, membership.organisationId))
		.where(and(eq(membership.userId, userId), eq(organisation.providerOnly, true)))
		.limit(1);
	return !!row;
}
