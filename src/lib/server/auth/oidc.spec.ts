import { decodeJwt, generateKeyPair, importJWK, SignJWT, type JWTPayload } from 'jose';
import { customFetch, type Configuration } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../env';
import { followRedirects, startTestProvider, type TestProvider } from '../testing/oidc-provider';
import {
	authorizationRequest,
	completeSignIn,
	discoverProvider,
	oidcSettings,
	type OidcSettings
} from './oidc';

const REDIRECT = 'http://localhost:5999/login/provider/callback';
let op: TestProvider;
let settings: OidcSettings;

beforeAll(async () => {
	op = await startTestProvider(REDIRECT);
	op.people.set('staff-mfa', { sub: 'staff-mfa', email: 'a@example.fi', amr: ['pwd', 'mfa'] });
	op.people.set('staff-pwd', { sub: 'staff-pwd', email: 'b@example.fi', amr: ['pwd'] });
	settings = oidcSettings(
		readEnv({
			OIDC_ISSUER: op.issuer,
			OIDC_CLIENT_ID: op.clientId,
			OIDC_CLIENT_SECRET: op.clientSecret
		})
	)!;
});
afterAll(() => op.close());

/** The browser's part: follows the provider's redirects (with its cookies) back to the app. */
const browse = (start: URL) => followRedirects(start.toString(), REDIRECT);

/** An ID token with these claims, signed as the provider's key id says (RS256). */
function sign(claims: JWTPayload, key: CryptoKey | Uint8Array) {
	return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test' }).sign(key);
}

/** The provider's real token answer, with its ID token replaced by `forge`'s. */
function swapIdToken(config: Configuration, forge: (claims: JWTPayload) => Promise<string>) {
	config[customFetch] = async (url, init) => {
		const res = await fetch(url, init as RequestInit);
		if (!url.endsWith('/token')) return res;
		const body = (await res.json()) as { id_token: string };
		body.id_token = await forge(decodeJwt(body.id_token));
		return Response.json(body, { status: res.status, headers: res.headers });
	};
}

async function signIn(sub: string) {
	const config = await discoverProvider(settings);
	const { url, pending } = await authorizationRequest(config, REDIRECT, { login_hint: sub });
	return { config, pending, url, answer: await browse(url) };
}

describe('sign-in with an OpenID provider (DOMAIN §12), against a real provider', () => {
	it('asks with PKCE, state and nonce, and keeps none of them secret in the answer', async () => {
		const { url, pending, answer } = await signIn('staff-mfa');
		expect(url.searchParams.get('code_challenge_method')).toBe('S256');
		expect(url.searchParams.get('code_challenge')).not.toBe(pending.verifier);
		expect(url.searchParams.get('state')).toBe(pending.state);
		expect(url.searchParams.get('nonce')).toBe(pending.nonce);
		expect(answer.searchParams.get('code')).toBeTruthy();
		expect(answer.toString()).not.toContain(pending.verifier);
	});

	it('names the person by the provider’s subject, with the second factor it asserted', async () => {
		const mfa = await signIn('staff-mfa');
		expect(await completeSignIn(mfa.config, settings, mfa.answer, mfa.pending)).toEqual({
			issuer: op.issuer,
			subject: 'staff-mfa',
			email: 'a@example.fi',
			name: null,
			secondFactor: true
		});
		const pwd = await signIn('staff-pwd');
		const identity = await completeSignIn(pwd.config, settings, pwd.answer, pwd.pending);
		expect(identity.subject).toBe('staff-pwd');
		expect(identity.secondFactor).toBe(false);
	});

	it('refuses an answer with another state, another nonce or another verifier', async () => {
		for (const change of [{ state: 'forged' }, { nonce: 'forged' }, { verifier: 'x'.repeat(43) }]) {
			const s = await signIn('staff-mfa');
			await expect(
				completeSignIn(s.config, settings, s.answer, { ...s.pending, ...change })
			).rejects.toThrow();
		}
	});

	it('refuses a code used twice', async () => {
		const s = await signIn('staff-mfa');
		await completeSignIn(s.config, settings, s.answer, s.pending);
		await expect(completeSignIn(s.config, settings, s.answer, s.pending)).rejects.toThrow();
	});

	it('refuses a client secret the provider does not know', async () => {
		const s = await signIn('staff-mfa');
		const wrong = { ...settings, clientSecret: 'not-the-secret' };
		const config = await discoverProvider(wrong);
		await expect(completeSignIn(config, wrong, s.answer, s.pending)).rejects.toThrow();
	});

	it('refuses an ID token signed with another key, for another audience, or expired', async () => {
		const otherKey = (await generateKeyPair('RS256', { extractable: true })).privateKey;
		const providerKey = await importJWK(op.signingKey, 'RS256');
		const forgeries: Record<string, (claims: JWTPayload) => Promise<string>> = {
			'another key': (c) => sign(c, otherKey),
			'another audience': (c) => sign({ ...c, aud: 'someone-else' }, providerKey),
			expired: (c) => sign({ ...c, iat: c.iat! - 7200, exp: c.iat! - 3600 }, providerKey)
		};
		for (const [what, forge] of Object.entries(forgeries)) {
			const s = await signIn('staff-mfa');
			swapIdToken(s.config, forge);
			await expect(completeSignIn(s.config, settings, s.answer, s.pending), what).rejects.toThrow();
		}
		// The same round trip re-signed with the provider's own key passes: the forgeries are
		// refused for what they changed, not for being re-signed.
		const s = await signIn('staff-mfa');
		swapIdToken(s.config, (c) => sign(c, providerKey));
		await expect(completeSignIn(s.config, settings, s.answer, s.pending)).resolves.toMatchObject({
			subject: 'staff-mfa'
		});
	});

	it('fails plainly when the provider cannot be reached', async () => {
		const gone = await startTestProvider(REDIRECT);
		await gone.close();
		await expect(discoverProvider({ ...settings, issuer: new URL(gone.issuer) })).rejects.toThrow();
	});
});

describe('the provider’s configuration', () => {
	it('is off without any of it, and refused when only half is given', () => {
		expect(oidcSettings(readEnv({}))).toBeNull();
		expect(() => readEnv({ OIDC_ISSUER: 'https://login.example.fi' })).toThrow(/OIDC_ISSUER/);
		expect(() => readEnv({ OIDC_CLIENT_ID: 'yhteisarvio', OIDC_CLIENT_SECRET: 's' })).toThrow(
			/OIDC_ISSUER/
		);
	});

	it('takes an issuer over https, or on this machine only', () => {
		const full = { OIDC_CLIENT_ID: 'yhteisarvio', OIDC_CLIENT_SECRET: 's' };
		expect(
			oidcSettings(readEnv({ ...full, OIDC_ISSUER: 'https://login.example.fi' }))
		).toMatchObject({ clientId: 'yhteisarvio', mfaAmr: ['mfa', 'otp', 'hwk'], mfaAcr: null });
		expect(() => readEnv({ ...full, OIDC_ISSUER: 'http://login.example.fi' })).toThrow(
			/OIDC_ISSUER/
		);
		expect(oidcSettings(readEnv({ ...full, OIDC_ISSUER: 'http://localhost:4000' }))).not.toBeNull();
	});
});
