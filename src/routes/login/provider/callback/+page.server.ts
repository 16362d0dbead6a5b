import { error, redirect } from '@sveltejs/kit';
import { factorState, finishProviderSignIn, type ProviderRefusal } from '$lib/server/auth';
import { database } from '$lib/server/http/authz';
import { setSessionCookie } from '$lib/server/http/cookie';
import { providerConfigured, providerOrProblem, takeHandle } from '$lib/server/http/provider';
import { safeNext } from '$lib/server/http/redirect';
import type { PageServerLoad } from './$types';

export type ProviderProblem = ProviderRefusal | 'unavailable';
const UNAVAILABLE: ProviderProblem = 'unavailable';

/**
 * Where the provider sends the browser back (DOMAIN §12). A sign-in that passes every check
 * opens a session: a full one when the provider asserted a second factor, otherwise the
 * app's own code comes next. Anything else is a page saying what happened, with nothing
 * written but the used handle's removal.
 */
export const load: PageServerLoad = async ({ url, locals, cookies, request }) => {
	if (url.searchParams.get('problem') === 'unavailable') return { problem: UNAVAILABLE };
	if (!providerConfigured()) error(404, 'Not found');
	const handle = takeHandle(cookies, url);
	const db = database(locals);
	// The provider the sign-in went to, as the stored sign-in names it.
	const result = await finishProviderSignIn(db, (id) => providerOrProblem(id), {
		handle,
		answer: url,
		userAgent: request.headers.get('user-agent'),
		current: locals.user ? locals.session : null
	});
	if (result.kind === 'refused') return { problem: result.reason, provider: result.providerId };
	const next = safeNext(result.next);
	if (result.kind === 'linked') redirect(303, '/account?provider_linked=1');
	if (result.kind === 'confirmed') redirect(303, next);
	setSessionCookie(cookies, url, result.token, result.session.expiresAt);
	if (result.session.secondFactorAt) redirect(303, next);
	const { confirmed } = await factorState(db, result.userId);
	redirect(303, `${confirmed ? '/login/code' : '/login/setup'}?next=${encodeURIComponent(next)}`);
};
