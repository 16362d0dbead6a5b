import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { beginFamilySignIn } from '$lib/server/auth';
import { database } from '$lib/server/http/authz';
import {
	citizenProviderOrProblem,
	familyRedirectUri,
	keepFamilyHandle
} from '$lib/server/http/family';
import { safeNext } from '$lib/server/http/redirect';
import type { RequestHandler } from './$types';

const query = z.object({
	next: z.string().optional(),
	/** A signed-in family member identifying again (before the access-log view). */
	for: z.enum(['reidentify']).optional()
});

/**
 * To Suomi.fi for strong identification (DOMAIN §12): a link, and nothing of the request's
 * secrets in the browser but a random handle in a cookie for the sign-in's path.
 */
export const GET: RequestHandler = async ({ url, locals, cookies }) => {
	const q = query.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, 'Bad request');
	const next = safeNext(q.data.next, '/family');
	const purpose = q.data.for ?? 'sign_in';
	if (purpose === 'reidentify' && !locals.family)
		redirect(303, `/family/login?next=${encodeURIComponent(next)}`);
	const provider = await citizenProviderOrProblem();
	if (provider === 'off') error(404, 'Not found');
	if (provider === 'unavailable') redirect(303, '/family/login?problem=unavailable');
	const { url: to, handle } = await beginFamilySignIn(
		database(locals),
		provider,
		{
			redirectUri: familyRedirectUri(url),
			next,
			purpose,
			personId: locals.family?.person.personId ?? null
		},
		locals.context.now
	);
	keepFamilyHandle(cookies, url, handle);
	redirect(303, to.href);
};
