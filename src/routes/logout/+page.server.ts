import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/http/cookie';
import { invalidateSession } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/http/authz';
import { providerIdOf } from '$lib/server/http/provider';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	logout: async ({ locals, cookies, url }) => {
		const provider = providerIdOf(locals.session?.providerIssuer);
		if (locals.session) await invalidateSession(database(locals), locals.session.id);
		deleteSessionCookie(cookies, url);
		// The provider's own session is ended by a link on the login page: a form's redirect
		// to another origin is refused by the page's form-action policy.
		redirect(303, provider ? `/login?logged_out=1&provider=${provider}` : '/login?logged_out=1');
	}
};
