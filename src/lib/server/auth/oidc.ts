import * as client from 'openid-client';
import { parseHetu } from '../../domain/hetu';
import type { Env } from '../env';

/**
 * Sign-in with an OpenID Connect provider (DOMAIN §12, ADR 039), the client half: the
 * provider's configuration by discovery, the authorization request (code flow with PKCE,
 * `state` and `nonce`) and the checks of its answer. Every check of the ID token (issuer,
 * audience, signature from the provider's keys, expiry, nonce) is the maintained
 * library's (`openid-client`); nothing here parses a token by hand.
 */

/** Where the provider is and who the app is there: what discovery needs. */
export type ClientSettings = { issuer: URL; clientId: string; clientSecret: string };

export type OidcSettings = ClientSettings & {
	/** The provider's short name in the app (a route's `?provider=`, a stored sign-in). */
	id: string;
	/** Its button's name when there are several ("Järvelän kaupunki"); null: the one. */
	label: string | null;
	mfaAmr: string[];
	mfaAcr: string | null;
	/** Claim mapping: where the e-mail and the name are in the ID token. */
	emailClaim: string;
	nameClaim: string;
	/**
	 * Only people whose `claim` is one of `values` (say Entra ID's tenant `tid`, for a
	 * provider shared by organisations) may sign in here; null: everyone it signs in.
	 */
	allowed: { claim: string; values: string[] } | null;
};

const list = (v: string) =>
	v
		.split(',')
		.map((x) => x.trim())
		.filter(Boolean);

/**
 * The identity providers from the environment (DOMAIN §12): the one of `OIDC_ISSUER` and
 * its companions (id `organisation`), then those of `OIDC_PROVIDERS`. Empty: none.
 */
export function oidcProviders(env: Env): OidcSettings[] {
	const out: OidcSettings[] = [];
	if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET)
		out.push({
			id: 'organisation',
			label: null,
			issuer: new URL(env.OIDC_ISSUER),
			clientId: env.OIDC_CLIENT_ID,
			clientSecret: env.OIDC_CLIENT_SECRET,
			mfaAmr: list(env.OIDC_MFA_AMR),
			mfaAcr: env.OIDC_MFA_ACR ?? null,
			emailClaim: 'email',
			nameClaim: 'name',
			allowed: null
		});
	for (const p of env.OIDC_PROVIDERS ?? [])
		out.push({
			id: p.id,
			label: p.label,
			issuer: new URL(p.issuer),
			clientId: p.clientId,
			clientSecret: p.clientSecret,
			mfaAmr: p.mfaAmr ?? list(env.OIDC_MFA_AMR),
			mfaAcr: p.mfaAcr ?? null,
			emailClaim: p.emailClaim ?? 'email',
			nameClaim: p.nameClaim ?? 'name',
			allowed: p.allowed ?? null
		});
	return out;
}

/** The first provider's settings, or null when sign-in with a provider is off. */
export function oidcSettings(env: Env): OidcSettings | null {
	return oidcProviders(env)[0] ?? null;
}

/** The provider's metadata and keys' location, read from its discovery document. */
export async function discoverProvider(s: ClientSettings): Promise<client.Configuration> {
	// Plain http only for a provider on this machine (env.ts refuses it otherwise).
	const local = s.issuer.protocol === 'http:';
	// The ID token's signature is checked against the provider's keys (JWKS) too. The
	// library leaves it off by default for a token from the token endpoint (OIDC Core
	// 3.1.3.7 lets TLS stand in for it); DOMAIN §12 wants the signature checked, and a spec
	// proves a token signed with another key is refused.
	const execute = [client.enableNonRepudiationChecks];
	if (local) execute.push(client.allowInsecureRequests);
	return client.discovery(
		s.issuer,
		s.clientId,
		undefined,
		client.ClientSecretPost(s.clientSecret),
		{ execute }
	);
}

/** The provider's settings and its discovered configuration, together. */
export type IdentityProvider = { settings: OidcSettings; config: client.Configuration };

const discovered = new Map<string, { issuer: string; config: Promise<client.Configuration> }>();

/**
 * The provider `id` (the first when not given), discovered once per process; null when
 * there is no such provider. A failed discovery is not kept: the next sign-in asks again
 * (an outage passes).
 */
export async function identityProvider(env: Env, id?: string): Promise<IdentityProvider | null> {
	const all = oidcProviders(env);
	const settings = id === undefined ? all[0] : all.find((p) => p.id === id);
	if (!settings) return null;
	return { settings, config: await discoveredOnce(settings.id, settings) };
}

/** The configuration of `settings`, discovered once per process under `key`. */
function discoveredOnce(key: string, settings: ClientSettings): Promise<client.Configuration> {
	let known = discovered.get(key);
	if (known?.issuer !== settings.issuer.href) {
		const config = discoverProvider(settings);
		known = { issuer: settings.issuer.href, config };
		discovered.set(key, known);
		config.catch(() => {
			if (discovered.get(key)?.config === config) discovered.delete(key);
		});
	}
	return known.config;
}

/** The same issuer, whatever trailing slash either spelling has. */
export const sameIssuer = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/**
 * Where the browser ends its session at the provider (RP-initiated logout) and comes back
 * to `after`; null when the provider offers none. The client id names the app, so no ID
 * token needs keeping for a hint.
 */
export function providerSignOutUrl(p: IdentityProvider, after: string): URL | null {
	if (!p.config.serverMetadata().end_session_endpoint) return null;
	return client.buildEndSessionUrl(p.config, {
		client_id: p.settings.clientId,
		post_logout_redirect_uri: after
	});
}

/** What the browser's session keeps between the request and the answer; never in a URL. */
export type PendingSignIn = { state: string; nonce: string; verifier: string };

/** Where to send the browser, and what to keep until it comes back. */
export async function authorizationRequest(
	config: client.Configuration,
	redirectUri: string,
	extra: Record<string, string> = {}
): Promise<{ url: URL; pending: PendingSignIn }> {
	const pending = {
		state: client.randomState(),
		nonce: client.randomNonce(),
		verifier: client.randomPKCECodeVerifier()
	};
	const url = client.buildAuthorizationUrl(config, {
		redirect_uri: redirectUri,
		scope: 'openid profile email',
		code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
		code_challenge_method: 'S256',
		state: pending.state,
		nonce: pending.nonce,
		...extra
	});
	return { url, pending };
}

/** Who the provider says signed in, after every check passed. */
export type ProviderIdentity = {
	issuer: string;
	/** The provider's stable id for the person: the account's key, never the e-mail. */
	subject: string;
	/** The e-mail claim (as mapped), or Entra ID's `preferred_username` if an address. */
	email: string | null;
	name: string | null;
	/** The provider asserted a second factor (an `amr` or the `acr` agreed for it). */
	secondFactor: boolean;
};

/**
 * The provider's answer at the redirect URI: exchanges the code (with the PKCE verifier)
 * and checks `state`, the ID token and its `nonce`. Throws on any mismatch or failure.
 */
export async function completeSignIn(
	config: client.Configuration,
	s: OidcSettings,
	answer: URL,
	pending: PendingSignIn
): Promise<ProviderIdentity> {
	const claims = await checkedClaims(config, answer, pending);
	if (s.allowed) {
		const v = claims[s.allowed.claim];
		if (typeof v !== 'string' || !s.allowed.values.includes(v))
			throw new ProviderSignInRefused('not_allowed');
	}
	const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
	const acr = typeof claims.acr === 'string' ? claims.acr : null;
	const name = claims[s.nameClaim];
	return {
		issuer: claims.iss,
		subject: claims.sub,
		email: emailOf(claims, s.emailClaim),
		name: typeof name === 'string' ? name : null,
		secondFactor: amr.some((v) => s.mfaAmr.includes(v)) || (!!s.mfaAcr && acr === s.mfaAcr)
	};
}

/**
 * The code exchanged (with the PKCE verifier) and `state`, the ID token and its `nonce`
 * checked, by the library: the token's claims, or a throw on any mismatch or failure.
 */
async function checkedClaims(
	config: client.Configuration,
	answer: URL,
	pending: PendingSignIn
): Promise<client.IDToken> {
	const tokens = await client.authorizationCodeGrant(config, answer, {
		pkceCodeVerifier: pending.verifier,
		expectedState: pending.state,
		expectedNonce: pending.nonce,
		idTokenExpected: true
	});
	const claims = tokens.claims();
	if (!claims) throw new Error('The provider returned no ID token');
	return claims;
}

/** A staff sign-in the provider vouched for but this app does not take: a code only. */
export class ProviderSignInRefused extends Error {
	constructor(readonly reason: 'not_allowed') {
		super(`Provider sign-in refused: ${reason}`);
		this.name = 'ProviderSignInRefused';
	}
}

function emailOf(claims: client.IDToken, claim: string): string | null {
	for (const v of [claims[claim], claims.preferred_username])
		if (typeof v === 'string' && /^[^@\s]+@[^@\s]+$/.test(v)) return v.toLowerCase();
	return null;
}

/*
 * Families and young people (DOMAIN §12, issue 36): Suomi.fi e-Identification, which is
 * moving to OpenID Connect. Only strong identification counts (an `acr` at substantial or
 * high), and the person's key is the national identity code from its claim. The code is
 * checked (hetu.ts) and returned to the caller only: never in a URL the app makes, never
 * in an error's message or a log line.
 */

export type CitizenSettings = ClientSettings & {
	/** The `acr` values that are strong identification (substantial, high). */
	acrValues: string[];
	/** The claim that carries the national identity code. */
	identityCodeClaim: string;
};

/** Suomi.fi's settings from the environment, or null when family sign-in is off. */
export function citizenSettings(env: Env): CitizenSettings | null {
	if (!env.SUOMIFI_ISSUER || !env.SUOMIFI_CLIENT_ID || !env.SUOMIFI_CLIENT_SECRET) return null;
	return {
		issuer: new URL(env.SUOMIFI_ISSUER),
		clientId: env.SUOMIFI_CLIENT_ID,
		clientSecret: env.SUOMIFI_CLIENT_SECRET,
		acrValues: env.SUOMIFI_ACR.split(',')
			.map((v) => v.trim())
			.filter(Boolean),
		identityCodeClaim: env.SUOMIFI_IDENTITY_CODE_CLAIM
	};
}

/** Suomi.fi's settings and its discovered configuration, together. */
export type CitizenProvider = { settings: CitizenSettings; config: client.Configuration };

/** Suomi.fi, discovered once per process (as `identityProvider`); null when it is off. */
export async function citizenProvider(env: Env): Promise<CitizenProvider | null> {
	const settings = citizenSettings(env);
	if (!settings) return null;
	// Not a staff provider's id (those are lower-case words without a colon).
	return { settings, config: await discoveredOnce('citizen:suomifi', settings) };
}

/** Why a citizen's sign-in was refused: a code only, never a value from the token. */
export class CitizenSignInRefused extends Error {
	constructor(readonly reason: 'weak_identification' | 'no_identity_code') {
		super(`Citizen sign-in refused: ${reason}`);
		this.name = 'CitizenSignInRefused';
	}
}

/** The authorization request for strong identification: the `acr` values asked for. */
export function citizenAuthorizationRequest(
	config: client.Configuration,
	s: CitizenSettings,
	redirectUri: string
) {
	return authorizationRequest(config, redirectUri, { acr_values: s.acrValues.join(' ') });
}

/** Who Suomi.fi says signed in: a valid identity code, identified strongly. */
export type CitizenIdentity = {
	issuer: string;
	subject: string;
	/** The national identity code, normalised; the caller keeps it out of URLs and logs. */
	identityCode: string;
	birthDate: string;
	name: string | null;
	acr: string;
};

/**
 * The answer at the redirect URI for a citizen: every check of `completeSignIn`'s kind,
 * then strong identification and a valid identity code, or CitizenSignInRefused.
 */
export async function completeCitizenSignIn(
	config: client.Configuration,
	s: CitizenSettings,
	answer: URL,
	pending: PendingSignIn
): Promise<CitizenIdentity> {
	const claims = await checkedClaims(config, answer, pending);
	const acr = typeof claims.acr === 'string' ? claims.acr : '';
	if (!s.acrValues.includes(acr)) throw new CitizenSignInRefused('weak_identification');
	const raw = claims[s.identityCodeClaim];
	const code = typeof raw === 'string' ? parseHetu(raw) : null;
	if (!code?.valid) throw new CitizenSignInRefused('no_identity_code');
	const name = [claims.given_name, claims.family_name].filter((v) => typeof v === 'string');
	return {
		issuer: claims.iss,
		subject: claims.sub,
		identityCode: code.normalized,
		birthDate: code.birthDate,
		name: typeof claims.name === 'string' ? claims.name : name.join(' ') || null,
		acr
	};
}
