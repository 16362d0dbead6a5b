import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Locale } from '../../../domain/roles';
import { formatTimeRoundedUp } from '../../../format';
import { m } from '../../../paraglide/messages';
import { hashPassword, verifyPassword } from '../../auth/password';
import { passwordProblem, type PasswordProblem } from '../../auth/password-policy';
import { createSession, invalidateUserSessions } from '../../auth/session';
import {
	ACCOUNT_FREE_FAILURES,
	clearAttempts,
	releaseAttempt,
	reserveAttempt,
	throttleKeys
} from '../../auth/throttle';
import { hashToken } from '../../auth/tokens';
import type { Db } from '../../db';
import { membership, organisation, passwordToken, team, user, userIdentity } from '../../db/schema';
import { FieldError } from '../../errors';
import { nextVersion } from '../../db/lock';

/** Whether a one-time set-password link is still usable (unused, unexpired, active user). */
export async function passwordLinkValid(db: Db, token: string, now: Date = new Date()) {
	const [row] = await db
		.select({ userId: passwordToken.userId, email: user.email, displayName: user.displayName })
		.from(passwordToken)
		.innerJoin(user, eq(user.id, passwordToken.userId))
		.where(
			and(
				eq(passwordToken.id, hashToken(token)),
				isNull(passwordToken.usedAt),
				gt(passwordToken.expiresAt, now),
				eq(user.active, true)
			)
		);
	return row ?? null;
}

export function passwordProblemText(p: PasswordProblem): string {
	switch (p) {
		case 'common':
			return m.error_password_common();
		case 'personal':
			return m.error_password_personal();
		case 'guessable':
			return m.error_password_guessable();
	}
}

/** Set-password attempts per client address before delays (the token itself is 160 bits). */
export const SET_PASSWORD_FREE_ATTEMPTS = 10;

export class ThrottledError extends Error {
	constructor(readonly retryAt: Date) {
		super('throttled');
		this.name = 'ThrottledError';
	}
}

export type SetPasswordResult = 'set' | 'invalid_link' | { problem: string };

/**
 * Sets the password from a link; the link is spent and every old session ends. Throttled
 * per client address, and the token is checked before any password hashing, so neither
 * guessing links nor making the server hash is free.
 */
export async function setPasswordWithLink(
	db: Db,
	token: string,
	password: string,
	clientAddress: string | null = null,
	now: Date = new Date()
): Promise<SetPasswordResult> {
	const key = `set-password:${clientAddress ?? 'unknown'}`;
	const reservation = await reserveAttempt(db, key, SET_PASSWORD_FREE_ATTEMPTS, now);
	if (!reservation.allowed) throw new ThrottledError(reservation.lockedUntil);
	const link = await passwordLinkValid(db, token, now);
	if (!link) return 'invalid_link';
	await releaseAttempt(db, key);
	const problem = passwordProblem(password, link);
	if (problem) return { problem: passwordProblemText(problem) };
	const passwordHash = await hashPassword(password);
	const done = await db.transaction(async (tx) => {
		const [spent] = await tx
			.update(passwordToken)
			.set({ usedAt: now })
			.where(
				and(
					eq(passwordToken.id, hashToken(token)),
					isNull(passwordToken.usedAt),
					gt(passwordToken.expiresAt, now)
				)
			)
			.returning({ userId: passwordToken.userId });
		if (!spent) return false;
		const [u] = await tx
			.update(user)
			.set({ passwordHash, version: nextVersion(user), updatedAt: now })
			.where(and(eq(user.id, spent.userId), eq(user.active, true)))
			.returning({ id: user.id });
		if (!u) return false;
		await invalidateUserSessions(tx, u.id);
		return true;
	});
	return done ? 'set' : 'invalid_link';
}

/**
 * Changing one's password ends all sessions, including other devices; the current
 * device gets a fresh session so the person is not thrown out mid-task.
 */
export async function changeOwnPassword(
	db: Db,
	userId: string,
	input: { currentPassword: string; newPassword: string },
	now: Date = new Date()
) {
	const [u] = await db.select().from(user).where(eq(user.id, userId));
	if (!u) throw new FieldError({ currentPassword: m.error_current_password_wrong() });
	// The same budget as signing in: a stolen session gives no extra guesses.
	const { account } = throttleKeys(u.email, null);
	const reservation = await reserveAttempt(db, account, ACCOUNT_FREE_FAILURES, now);
	if (!reservation.allowed) {
		throw new FieldError({
			currentPassword: m.error_too_many_attempts({
				time: formatTimeRoundedUp(reservation.lockedUntil)
			})
		});
	}
	if (!u.passwordHash || !(await verifyPassword(u.passwordHash, input.currentPassword))) {
		throw new FieldError({ currentPassword: m.error_current_password_wrong() });
	}
	await clearAttempts(db, account);
	const problem = passwordProblem(input.newPassword, u);
	if (problem) throw new FieldError({ newPassword: passwordProblemText(problem) });
	const passwordHash = await hashPassword(input.newPassword);
	return db.transaction(async (tx) => {
		await tx
			.update(user)
			.set({ passwordHash, version: nextVersion(user), updatedAt: now })
			.where(eq(user.id, userId));
		await invalidateUserSessions(tx, userId);
		return createSession(tx, userId, now);
	});
}

/** Marks a language chosen while signed out, to be saved at the next login. */
export const LOCALE_CHOSEN_COOKIE = 'locale_chosen';

export async function setPreferredLocale(db: Db, userId: string, locale: Locale) {
	await db.update(user).set({ preferredLocale: locale }).where(eq(user.id, userId));
}

export async function preferredLocaleOf(db: Db, userId: string): Promise<Locale | null> {
	const [u] = await db
		.select({ locale: user.preferredLocale })
		.from(user)
		.where(eq(user.id, userId));
	return u?.locale ?? null;
}

/** The person's own memberships that wait for approval: what their home page says (§12). */
export function awaitingApproval(db: Db, userId: string) {
	return db
		.select({ organisationName: organisation.name, teamName: team.name, role: membership.role })
		.from(membership)
		.innerJoin(organisation, eq(organisation.id, membership.organisationId))
		.leftJoin(team, eq(team.id, membership.teamId))
		.where(and(eq(membership.userId, userId), isNull(membership.approvedAt)))
		.orderBy(organisation.name);
}

/**
 * How the person signs in, for their account page (DOMAIN §12): linked to a provider, and
 * whether they have a password to change. Their own rows only.
 */
export async function ownSignInState(db: Db, userId: string) {
	const [linked] = await db
		.select({ id: userIdentity.id })
		.from(userIdentity)
		.where(eq(userIdentity.userId, userId))
		.limit(1);
	const [own] = await db
		.select({ passwordHash: user.passwordHash })
		.from(user)
		.where(eq(user.id, userId));
	return { providerLinked: !!linked, hasPassword: !!own?.passwordHash };
}

/**
 * Set-password links used or expired before `before` (ADR 046): a spent link opens nothing,
 * and the security events already say when each was sent and used. How many went.
 */
export async function deleteSpentPasswordLinks(db: Db, before: Date): Promise<number> {
	const t = passwordToken;
	const gone = await db
		.delete(t)
		.where(or(lt(t.usedAt, before), lt(t.expiresAt, before)))
		.returning({ id: t.id });
	return gone.length;
}
