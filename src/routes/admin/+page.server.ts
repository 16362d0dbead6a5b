import { redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/http/authz';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireAdmin(event);
	redirect(303, '/admin/organisations');
};
