import { redirect } from '@sveltejs/kit';
import { endFamilySession } from '$lib/server/auth';
import { deleteFamilyCookie, requireFamily } from '$lib/server/http/family';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireFamily(event);
	redirect(303, '/family');
};

export const actions: Actions = {
	signOut: async (event) => {
		const ctx = requireFamily(event);
		await endFamilySession(ctx.db, ctx.sessionId);
		deleteFamilyCookie(event.cookies, event.url);
		redirect(303, '/family/login?logged_out=1');
	}
};
