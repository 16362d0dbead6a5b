import { error, redirect } from '@sveltejs/kit';
import { finishFamilySignIn, type FamilyRefusal } from '$lib/server/auth';
import { database } from '$lib/server/http/authz';
import {
	citizenProviderOrProblem,
	familySignInConfigured,
	mayEnterFamily,
	setFamilyCookie,
	takeFamilyHandle
} from '$lib/server/http/family';
import { safeNext } from '$lib/server/http/redirect';
import type { PageServerLoad } from './$types';

export type FamilyProblem = FamilyRefusal;
const UNAVAILABLE: FamilyProblem = 'unavailable';

/**
 * Where Suomi.fi sends the browser back (DOMAIN §12). A strong identification of a person
 * who may see a child opens a family session; anything else is a plain page saying what
 * happened (for a person who is neither a guardian nor the child: that there is nothing
 * for them, never whether a child exists).
 */
export const load: PageServerLoad = async ({ url, locals, cookies }) => {
	if (url.searchParams.get('problem') === 'unavailable') return { problem: UNAVAILABLE };
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
	if (result.kind === 'refused') return { problem: result.reason };
	if (result.kind === 'signed_in')
		setFamilyCookie(cookies, url, result.token, result.session.expiresAt);
	redirect(303, safeNext(result.next, '/family'));
};
