import { eq, lt } from 'drizzle-orm';
import { logDenied } from '../access-log';
import type { DbOrTx } from '../db';
import { familyPerson, familySignIn } from '../db/schema';
import {
	citizenAuthorizationRequest,
	CitizenSignInRefused,
	completeCitizenSignIn,
	type CitizenIdentity,
	type CitizenProvider
} from './oidc';
import { createFamilySession, markReidentified, type FamilySessionInfo } from './family-session';
import { securityEvent } from './security-events';
import { generateToken, hashToken } from './tokens';

/*
 * A family member or young person signs in with Suomi.fi (DOMAIN §11–12, ADR 041), in the
 * shape of the staff's provider sign-in: the browser keeps a random handle, the database
 * the request's secrets, used once within ten minutes. The identity code Suomi.fi vouches
 * for must be a current guardian's on some child, or a child's own from 12; anyone else
 * is told plainly that there is nothing for them, never whether a child exists. The code
 * never reaches a URL, a log line or a message.
 */

export const FAMILY_SIGN_IN_MS = 10 * 60 * 1000;

export type FamilyPurpose = 'sign_in' | 'reidentify';

export type FamilyRefusal =
	/** No sign-in started in this browser, used already or too old. */
	| 'expired'
	/** Suomi.fi's answer failed a check. */
	| 'failed'
	/** Suomi.fi could not be reached, or is not set up. */
	| 'unavailable'
	/** Identified, but not strongly, or without an identity code. */
	| 'weak_identification'
	/** Strongly identified, but neither a guardian recorded on a child nor a child from 12. */
	| 'no_access'
	/** Identifying again as someone else than the session's person. */
	| 'other_person';

export type FamilySignInResult =
	| { kind: 'signed_in'; token: string; session: FamilySessionInfo; next: string }
	| { kind: 'reidentified'; next: string }
	| { kind: 'refused'; reason: FamilyRefusal };

/** Where to send the browser for Suomi.fi, and the handle it keeps. */
export async function beginFamilySignIn(
	db: DbOrTx,
	provider: CitizenProvider,
	input: { redirectUri: string; next: string; purpose: FamilyPurpose; personId?: string | null },
	now: Date
): Promise<{ url: URL; handle: string }> {
	const { url, pending } = await citizenAuthorizationRequest(
		provider.config,
		provider.settings,
		input.redirectUri
	);
	const handle = generateToken();
	await db.delete(familySignIn).where(lt(familySignIn.expiresAt, now));
	await db.insert(familySignIn).values({
		id: hashToken(handle),
		purpose: input.purpose,
		personId: input.personId ?? null,
		...pending,
		next: input.next,
		createdAt: now,
		expiresAt: new Date(now.getTime() + FAMILY_SIGN_IN_MS)
	});
	return { url, handle };
}

/**
 * Suomi.fi's answer for the browser holding `handle`: a new family session, a fresh
 * identification for the current one, or a refusal. `mayEnter` says whether an identity
 * code sees any child now (access/family-access).
 */
export async function finishFamilySignIn(
	db: DbOrTx,
	provider: CitizenProvider | 'off' | 'unavailable',
	mayEnter: (db: DbOrTx, identityCode: string, now: Date) => Promise<boolean>,
	input: {
		handle: string | undefined;
		answer: URL;
		/** The browser's family session, for `reidentify`. */
		current: FamilySessionInfo | null;
		requestId: string | null;
	},
	now: Date
): Promise<FamilySignInResult> {
	const refused = (reason: FamilyRefusal) => ({ kind: 'refused', reason }) as const;
	if (!input.handle) return refused('expired');
	const [started] = await db
		.delete(familySignIn)
		.where(eq(familySignIn.id, hashToken(input.handle)))
		.returning();
	if (!started || started.expiresAt <= now) return refused('expired');
	if (typeof provider === 'string') return refused('unavailable');
	let identity: CitizenIdentity;
	try {
		identity = await completeCitizenSignIn(
			provider.config,
			provider.settings,
			input.answer,
			started
		);
	} catch (e) {
		securityEvent('family_sign_in_refused');
		return refused(e instanceof CitizenSignInRefused ? 'weak_identification' : 'failed');
	}
	if (!(await mayEnter(db, identity.identityCode, now))) {
		// Logged without the code: the row says a sign-in was refused, and when.
		await logDenied(db, null, {
			action: 'sign_in',
			entityType: 'family',
			basis: 'family',
			requestId: input.requestId
		});
		securityEvent('family_sign_in_refused', { what: 'no_access' });
		return refused('no_access');
	}
	const personId = await personFor(db, identity, now);
	if (started.purpose === 'reidentify') {
		if (!input.current || input.current.personId !== started.personId) return refused('expired');
		if (personId !== started.personId) return refused('other_person');
		await markReidentified(db, input.current.id, personId, now);
		return { kind: 'reidentified', next: started.next };
	}
	const { token, session } = await createFamilySession(db, personId, now);
	securityEvent('family_sign_in_accepted', { what: 'strong_identification' });
	return { kind: 'signed_in', token, session, next: started.next };
}

/** The person of this identity code, made the first time (two at once end in one). */
async function personFor(db: DbOrTx, identity: CitizenIdentity, now: Date): Promise<string> {
	const [row] = await db
		.insert(familyPerson)
		.values({ identityCode: identity.identityCode, name: identity.name, lastSignInAt: now })
		.onConflictDoUpdate({
			target: familyPerson.identityCode,
			set: { name: identity.name, lastSignInAt: now }
		})
		.returning({ id: familyPerson.id });
	return row!.id;
}
