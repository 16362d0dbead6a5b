import type { Cookies } from '@sveltejs/kit';
import {
	identityProvider,
	oidcProviders,
	providerSignOutUrl,
	sameIssuer,
	type IdentityProvider
} from '../auth/oidc';
import { readEnv } from '../env';
import { log } from '../log';

/*
 * The HTTP side of signing in through an identity provider (ADR 040): the handle's cookie,
 * the redirect URI, and the providers themselves, or why one cannot be used now.
 */

const COOKIE = 'provider_sign_in';
const PATH = '/login/provider';

/** The providers set up (their ids and button names); empty when none. */
export function configuredProviders(): { id: string; label: string | null }[] {
	return oidcProviders(readEnv()).map(({ id, label }) => ({ id, label }));
}

/** Whether sign-in with a provider is set up at all. */
export const providerConfigured = () => configuredProviders().length > 0;

/**
 * The provider `id` (the first when not given), 'off' when there is no such provider, or
 * 'unavailable' when its discovery failed (an outage: said plainly to the person, logged
 * without details for the operator).
 */
export async function providerOrProblem(
	id?: string
): Promise<IdentityProvider | 'off' | 'unavailable'> {
	try {
		return (await identityProvider(readEnv(), id)) ?? 'off';
	} catch (e) {
		log.warn({ err: e }, 'identity provider unreachable');
		return 'unavailable';
	}
}

/** The id of the provider a session came through, if it is still set up. */
export function providerIdOf(issuer: string | null | undefined): string | null {
	if (!issuer) return null;
	return oidcProviders(readEnv()).find((p) => sameIssuer(p.issuer.href, issuer))?.id ?? null;
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

/**
 * The sign-out address of the provider `id`, back to the login page; null if it has none,
 * is not set up or is down.
 */
export async function providerSignOut(url: URL, id: string): Promise<string | null> {
	const provider = await providerOrProblem(id);
	if (typeof provider === 'string') return null;
	const back = new URL('/login?logged_out=1', readEnv().ORIGIN ?? url.origin).href;
	return providerSignOutUrl(provider, back)?.href ?? null;
}
