import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/http/cookie';
import { invalidateSession } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/http/authz';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	logout: async ({ locals, cookies, url }) => {
		if (locals.session) await invalidateSession(database(locals), locals.session.id);
		deleteSessionCookie(cookies, url);
		redirect(303, '/login?logged_out=1');
	}
};
