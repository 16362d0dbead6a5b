import type { Cookies } from '@sveltejs/kit';
import { identityProvider, providerSignOutUrl, type IdentityProvider } from '../auth/oidc';
import { readEnv } from '../env';
import { log } from '../log';

/*
 * The HTTP side of signing in through the identity provider (ADR 040): the handle's
 * cookie, the redirect URI, and the provider itself, or why it cannot be used now.
 */

const COOKIE = 'provider_sign_in';
const PATH = '/login/provider';

/** Whether sign-in with a provider is set up at all (the login page's button). */
export function providerConfigured(): boolean {
	const env = readEnv();
	return !!(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

/**
 * The provider, 'off' when none is set up, or 'unavailable' when its discovery failed
 * (an outage: said plainly to the person, logged without details for the operator).
 */
export async function providerOrProblem(): Promise<IdentityProvider | 'off' | 'unavailable'> {
	try {
		return (await identityProvider(readEnv())) ?? 'off';
	} catch (e) {
		log.warn({ err: e }, 'identity provider unreachable');
		return 'unavailable';
	}
}

/** Where the provider sends the browser back: the app's own origin, fixed. */
export function redirectUri(url: URL): string {
	return new URL(`${PATH}/callback`, readEnv().ORIGIN ?? url.origin).href;
}

/** The handle of the sign-in this browser started, kept only for the provider round trip. */
export function keepHandle(cookies: Cookies, url: URL, handle: string) {
	cookies.set(COOKIE, handle, {
		httpOnly: true,
		// Lax: the provider's redirect back is a top-level GET, which brings it along.
		sameSite: 'lax',
		path: PATH,
		secure: url.protocol === 'https:',
		maxAge: 10 * 60
	});
}

/** The handle, once: it is removed as it is read. */
export function takeHandle(cookies: Cookies, url: URL): string | undefined {
	const handle = cookies.get(COOKIE);
	cookies.delete(COOKIE, {
		httpOnly: true,
		sameSite: 'lax',
		path: PATH,
		secure: url.protocol === 'https:'
	});
	return handle;
}

/** The provider's sign-out address, back to the login page; null if it has none or is down. */
export async function providerSignOut(url: URL): Promise<string | null> {
	const provider = await providerOrProblem();
	if (typeof provider === 'string') return null;
	const back = new URL('/login?logged_out=1', readEnv().ORIGIN ?? url.origin).href;
	return providerSignOutUrl(provider, back)?.href ?? null;
}
