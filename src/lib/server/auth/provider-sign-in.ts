import { and, eq, lt } from 'drizzle-orm';
import { isUniqueViolation, type DbOrTx } from '../db';
import { providerSignIn, user, userIdentity } from '../db/schema';
import {
	authorizationRequest,
	completeSignIn,
	ProviderSignInRefused,
	type IdentityProvider,
	type ProviderIdentity
} from './oidc';
import { securityEvent } from './security-events';
import { createSession, markReauthenticated, type SessionInfo } from './session';
import { generateToken, hashToken } from './tokens';

/*
 * Signing in through the organisation's identity provider (DOMAIN §12, ADR 040). The
 * browser holds a random handle between the redirect and the answer; the request's
 * `state`, `nonce` and PKCE verifier stay in the database. The account is the one the
 * provider's issuer and subject are linked to, never one found by e-mail. The first
 * sign-in makes an account with no membership: it sees nothing until an admin gives it
 * an organisation and role, and a team role waits for the team's consultant social worker,
 * as every membership does (ADR 012).
 */

/** How long the provider may take to answer (a person typing a password and a code). */
export const PROVIDER_SIGN_IN_MS = 10 * 60 * 1000;

export type ProviderPurpose = 'sign_in' | 'link' | 'confirm';

/**
 * Starts a sign-in: where to send the browser, and the handle it keeps. `link` and
 * `confirm` are for a signed-in person (`userId`): linking the account to their identity,
 * or confirming who they are before a sensitive action (the provider asks again).
 */
export async function beginProviderSignIn(
	db: DbOrTx,
	provider: IdentityProvider,
	input: { redirectUri: string; next: string; purpose: ProviderPurpose; userId?: string | null },
	now: Date = new Date()
): Promise<{ url: URL; handle: string }> {
	const extra: Record<string, string> =
		input.purpose === 'confirm' ? { prompt: 'login', max_age: '0' } : {};
	const { url, pending } = await authorizationRequest(provider.config, input.redirectUri, extra);
	const handle = generateToken();
	// Sign-ins never finished go with the next one started.
	await db.delete(providerSignIn).where(lt(providerSignIn.expiresAt, now));
	await db.insert(providerSignIn).values({
		id: hashToken(handle),
		providerId: provider.settings.id,
		purpose: input.purpose,
		userId: input.userId ?? null,
		...pending,
		next: input.next,
		createdAt: now,
		expiresAt: new Date(now.getTime() + PROVIDER_SIGN_IN_MS)
	});
	return { url, handle };
}

export type ProviderRefusal =
	/** No sign-in started in this browser, used already or too old. */
	| 'expired'
	/** The provider's answer failed a check. */
	| 'failed'
	/** The provider could not be reached, or is no longer configured. */
	| 'unavailable'
	/** The provider signed in someone this app does not take from it (another tenant). */
	| 'not_allowed'
	| 'inactive'
	/** No e-mail from the provider, or it is another account's (no matching by e-mail). */
	| 'no_email'
	| 'email_taken'
	/** Linking or confirming with an identity that is someone else's. */
	| 'other_account'
	/** Confirming needs the provider's second factor. */
	| 'no_second_factor';

export type ProviderSignInResult =
	| {
			kind: 'signed_in';
			token: string;
			session: SessionInfo;
			userId: string;
			/** A first sign-in made the account: it waits for approval. */
			created: boolean;
			next: string;
	  }
	| { kind: 'linked'; next: string }
	| { kind: 'confirmed'; next: string }
	| {
			kind: 'refused';
			reason: ProviderRefusal;
			next: string;
			/** The provider it went to, where known: starting again goes there. */
			providerId?: string;
	  };

/**
 * The provider's answer at the redirect URI, for the browser holding `handle`. The handle
 * works once. Every check of the answer is the client library's (oidc.ts); any failure
 * writes nothing but the removal of the used handle.
 */
export async function finishProviderSignIn(
	db: DbOrTx,
	/** The configured provider of this id, or why it cannot be used now. */
	providerOf: (id: string) => Promise<IdentityProvider | 'off' | 'unavailable'>,
	input: {
		handle: string | undefined;
		answer: URL;
		userAgent: string | null;
		/** The browser's signed-in session, for `link` and `confirm`. */
		current: SessionInfo | null;
	},
	now: Date = new Date()
): Promise<ProviderSignInResult> {
	const refused = (reason: ProviderRefusal, next = '/', providerId?: string) =>
		({ kind: 'refused', reason, next, providerId }) as const;
	if (!input.handle) return refused('expired');
	const [started] = await db
		.delete(providerSignIn)
		.where(eq(providerSignIn.id, hashToken(input.handle)))
		.returning();
	if (!started || started.expiresAt <= now) return refused('expired');
	const next = started.next;
	// From here a refusal names the provider, so starting again goes back to it.
	const refuse = (reason: ProviderRefusal) => refused(reason, next, started.providerId);
	const provider = await providerOf(started.providerId);
	if (typeof provider === 'string') return refuse('unavailable');
	let identity: ProviderIdentity;
	try {
		identity = await completeSignIn(provider.config, provider.settings, input.answer, started);
	} catch (e) {
		securityEvent('sign_in_provider_refused');
		return refuse(e instanceof ProviderSignInRefused ? e.reason : 'failed');
	}
	const [linked] = await db
		.select({ userId: userIdentity.userId, identityId: userIdentity.id, active: user.active })
		.from(userIdentity)
		.innerJoin(user, eq(user.id, userIdentity.userId))
		.where(
			and(eq(userIdentity.issuer, identity.issuer), eq(userIdentity.subject, identity.subject))
		);

	if (started.purpose !== 'sign_in') {
		// Only the signed-in person who started it, in the same browser, may finish it.
		if (!input.current || input.current.userId !== started.userId) return refuse('expired');
		if (linked && linked.userId !== started.userId) return refuse('other_account');
		if (started.purpose === 'link') {
			if (!linked) await linkIdentity(db, started.userId, identity, now);
			securityEvent('provider_identity_linked', { userId: started.userId });
			return { kind: 'linked', next };
		}
		if (!linked) return refuse('other_account');
		if (!identity.secondFactor) return refuse('no_second_factor');
		await markReauthenticated(db, input.current.id, now);
		await touch(db, linked.identityId, now);
		return { kind: 'confirmed', next };
	}

	if (linked && !linked.active) {
		securityEvent('sign_in_provider_refused', { userId: linked.userId });
		return refuse('inactive');
	}
	const account = linked
		? { userId: linked.userId, created: false }
		: await accountFor(db, identity, now);
	if ('refusal' in account) return refuse(account.refusal);
	const { userId, created } = account;
	if (linked) await touch(db, linked.identityId, now);
	else securityEvent('provider_account_created', { userId });
	// The provider's second factor is the app's; without it the app asks for its own.
	const { token, session: s } = await createSession(db, userId, now, {
		secondFactor: identity.secondFactor,
		userAgent: input.userAgent,
		providerIssuer: identity.issuer
	});
	securityEvent('sign_in_provider_accepted', {
		userId,
		what: identity.secondFactor ? 'second_factor_asserted' : 'second_factor_asked'
	});
	return { kind: 'signed_in', token, session: s, userId, created, next };
}

/**
 * The account for an identity seen the first time: a new one with no membership, under the
 * provider's e-mail, unless that e-mail is another account's (never matched by e-mail; the
 * person links that account from its own page). Two first sign-ins of one person at once
 * both end in the one account: the loser of the race finds the winner's link.
 */
async function accountFor(
	db: DbOrTx,
	identity: ProviderIdentity,
	now: Date,
	retry = true
): Promise<{ userId: string; created: boolean } | { refusal: ProviderRefusal }> {
	const email = identity.email;
	if (!email) return { refusal: 'no_email' };
	try {
		return await db.transaction(async (tx) => {
			const [taken] = await tx.select({ id: user.id }).from(user).where(eq(user.email, email));
			if (taken) return { refusal: 'email_taken' as const };
			const [made] = await tx
				.insert(user)
				.values({
					email,
					displayName: identity.name?.trim() || email,
					passwordHash: null,
					createdAt: now,
					updatedAt: now
				})
				.returning({ id: user.id });
			await linkIdentity(tx, made!.id, identity, now);
			return { userId: made!.id, created: true };
		});
	} catch (e) {
		if (!retry || !isUniqueViolation(e)) throw e;
		const [won] = await db
			.select({ userId: userIdentity.userId })
			.from(userIdentity)
			.where(
				and(eq(userIdentity.issuer, identity.issuer), eq(userIdentity.subject, identity.subject))
			);
		return won ? { userId: won.userId, created: false } : accountFor(db, identity, now, false);
	}
}

async function linkIdentity(db: DbOrTx, userId: string, identity: ProviderIdentity, now: Date) {
	await db.insert(userIdentity).values({
		userId,
		issuer: identity.issuer,
		subject: identity.subject,
		lastSignInAt: now,
		createdAt: now
	});
}

async function touch(db: DbOrTx, identityId: string, now: Date) {
	await db.update(userIdentity).set({ lastSignInAt: now }).where(eq(userIdentity.id, identityId));
}
