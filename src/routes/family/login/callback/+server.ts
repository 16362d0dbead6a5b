import { error, redirect } from '@sveltejs/kit';
import { finishFamilySignIn } from '$lib/server/auth';
import { database } from '$lib/server/http/authz';
import {
	citizenProviderOrProblem,
	familySignInConfigured,
	mayEnterFamily,
	setFamilyCookie,
	takeFamilyHandle
} from '$lib/server/http/family';
import { safeNext } from '$lib/server/http/redirect';
import type { RequestHandler } from './$types';

/**
 * Where Suomi.fi sends the browser back (DOMAIN §12). A strong identification of a person
 * who may see a child opens a family session; anything else goes to the sign-in page,
 * which says what happened (for a person who is neither a guardian nor the child: that
 * there is nothing for them, never whether a child exists). The refusal is shown at its
 * own address, so reloading it or changing the language shows it again.
 */
export const GET: RequestHandler = async ({ url, locals, cookies }) => {
	if (!familySignInConfigured()) error(404, 'Not found');
	const result = await finishFamilySignIn(
		database(locals),
		await citizenProviderOrProblem(),
		mayEnterFamily,
		{
			handle: takeFamilyHandle(cookies, url),
			answer: url,
			current: locals.family?.session ?? null,
			requestId: locals.requestId
		},
		locals.context.now
	);
	if (result.kind === 'refused') redirect(303, `/family/login?problem=${result.reason}`);
	if (result.kind === 'signed_in')
		setFamilyCookie(cookies, url, result.token, result.session.expiresAt);
	redirect(303, safeNext(result.next, '/family'));
};
