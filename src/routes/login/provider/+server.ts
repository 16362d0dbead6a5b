import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { beginProviderSignIn } from '$lib/server/auth';
import { database } from '$lib/server/http/authz';
import { keepHandle, providerOrProblem, redirectUri } from '$lib/server/http/provider';
import { safeNext } from '$lib/server/http/redirect';
import type { RequestHandler } from './$types';

const query = z.object({
	next: z.string().optional(),
	/** A signed-in person linking their account, or confirming who they are. */
	for: z.enum(['link', 'confirm']).optional(),
	/** Which provider, when there are several (the first otherwise). */
	provider: z
		.string()
		.regex(/^[a-z0-9-]{1,40}$/)
		.optional()
});

/**
 * Sign-in with the organisation's identity provider (DOMAIN §12): a link, not a form, so
 * the redirect to the provider's origin is a plain navigation. Nothing of the request's
 * secrets goes to the browser but a random handle in a cookie for this path.
 */
export const GET: RequestHandler = async ({ url, locals, cookies }) => {
	const q = query.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, 'Bad request');
	const next = safeNext(q.data.next);
	const purpose = q.data.for ?? 'sign_in';
	if (purpose !== 'sign_in' && !locals.user)
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	const provider = await providerOrProblem(q.data.provider);
	if (provider === 'off') error(404, 'Not found');
	if (provider === 'unavailable') redirect(303, '/login/provider/callback?problem=unavailable');
	const { url: to, handle } = await beginProviderSignIn(database(locals), provider, {
		redirectUri: redirectUri(url),
		next,
		purpose,
		userId: locals.user?.id ?? null
	});
	keepHandle(cookies, url, handle);
	redirect(303, to.href);
};
