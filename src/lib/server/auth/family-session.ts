import { and, eq, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { familyPerson, familySession } from '../db/schema';
import { generateToken, hashToken } from './tokens';

/*
 * A family member's or young person's session (DOMAIN §11–12, ADR 041): its own table and
 * cookie, never a staff session, and shorter: 15 minutes idle and 2 hours in all (a
 * family member reads on a phone, often on a shared one). Reading "who has read our
 * data" asks for a strong identification at most 10 minutes old.
 */

export const FAMILY_IDLE_MS = 15 * 60 * 1000;
export const FAMILY_ABSOLUTE_MS = 2 * 60 * 60 * 1000;
export const REIDENTIFY_MS = 10 * 60 * 1000;
/** The idle expiry is pushed forward at most once a minute. */
const RENEW_MS = 60 * 1000;

export type FamilySessionInfo = {
	id: string;
	personId: string;
	expiresAt: Date;
	absoluteExpiresAt: Date;
	reidentifiedAt: Date;
};

export type FamilyPrincipal = { personId: string; name: string | null };

const idle = (now: Date, absolute: Date) =>
	new Date(Math.min(now.getTime() + FAMILY_IDLE_MS, absolute.getTime()));

/** A new session after a strong identification (a new token every time: no fixation). */
export async function createFamilySession(
	db: DbOrTx,
	personId: string,
	now: Date
): Promise<{ token: string; session: FamilySessionInfo }> {
	const token = generateToken();
	const absoluteExpiresAt = new Date(now.getTime() + FAMILY_ABSOLUTE_MS);
	const info: FamilySessionInfo = {
		id: hashToken(token),
		personId,
		expiresAt: idle(now, absoluteExpiresAt),
		absoluteExpiresAt,
		reidentifiedAt: now
	};
	await db.delete(familySession).where(expired(now));
	await db.insert(familySession).values({ ...info, createdAt: now });
	return { token, session: info };
}

const expired = (now: Date) =>
	or(lt(familySession.expiresAt, now), lt(familySession.absoluteExpiresAt, now));

/** The session of `token` and who it is, or null (an expired one is removed). */
export async function validateFamilySession(
	db: DbOrTx,
	token: string,
	now: Date
): Promise<{ session: FamilySessionInfo; person: FamilyPrincipal; renewed: boolean } | null> {
	const id = hashToken(token);
	const [row] = await db
		.select({ session: familySession, name: familyPerson.name })
		.from(familySession)
		.innerJoin(familyPerson, eq(familyPerson.id, familySession.personId))
		.where(eq(familySession.id, id));
	if (!row) return null;
	const s = row.session;
	if (now >= s.expiresAt || now >= s.absoluteExpiresAt) {
		await db.delete(familySession).where(eq(familySession.id, id));
		return null;
	}
	const next = idle(now, s.absoluteExpiresAt);
	const renewed = next.getTime() - s.expiresAt.getTime() >= RENEW_MS;
	if (renewed)
		await db.update(familySession).set({ expiresAt: next }).where(eq(familySession.id, id));
	return {
		session: {
			id: s.id,
			personId: s.personId,
			expiresAt: renewed ? next : s.expiresAt,
			absoluteExpiresAt: s.absoluteExpiresAt,
			reidentifiedAt: s.reidentifiedAt
		},
		person: { personId: s.personId, name: row.name },
		renewed
	};
}

/** Signing out: the session is gone (the cookie with it, in the route). */
export async function endFamilySession(db: DbOrTx, sessionId: string): Promise<void> {
	await db.delete(familySession).where(eq(familySession.id, sessionId));
}

/** A fresh strong identification for the session of this person. */
export async function markReidentified(
	db: DbOrTx,
	sessionId: string,
	personId: string,
	now: Date
): Promise<void> {
	await db
		.update(familySession)
		.set({ reidentifiedAt: now })
		.where(and(eq(familySession.id, sessionId), eq(familySession.personId, personId)));
}

/** The last strong identification is at most 10 minutes old. */
export const recentlyIdentified = (reidentifiedAt: Date, now: Date) =>
	now.getTime() - reidentifiedAt.getTime() <= REIDENTIFY_MS;
