import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Locale } from '../../domain/roles';
import { m } from '../../paraglide/messages';
import { hashPassword, verifyPassword } from '../auth/password';
import { createSession, invalidateUserSessions } from '../auth/session';
import { hashToken } from '../auth/tokens';
import type { Db } from '../db';
import { passwordToken, user } from '../db/schema';
import { FieldError } from './errors';

/** Whether a one-time set-password link is still usable (unused, unexpired, active user). */
export async function passwordLinkValid(db: Db, token: string, now: Date = new Date()) {
	const [row] = await db
		.select({ userId: passwordToken.userId })
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

/** Sets the password from a link; the link is spent and every old session ends. */
export async function setPasswordWithLink(
	db: Db,
	token: string,
	password: string,
	now: Date = new Date()
): Promise<boolean> {
	const passwordHash = await hashPassword(password);
	return db.transaction(async (tx) => {
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
			.set({ passwordHash, version: sql`${user.version} + 1`, updatedAt: now })
			.where(and(eq(user.id, spent.userId), eq(user.active, true)))
			.returning({ id: user.id });
		if (!u) return false;
		await invalidateUserSessions(tx, u.id);
		return true;
	});
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
	if (!u?.passwordHash || !(await verifyPassword(u.passwordHash, input.currentPassword))) {
		throw new FieldError({ currentPassword: m.error_current_password_wrong() });
	}
	const passwordHash = await hashPassword(input.newPassword);
	return db.transaction(async (tx) => {
		await tx
			.update(user)
			.set({ passwordHash, version: sql`${user.version} + 1`, updatedAt: now })
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
