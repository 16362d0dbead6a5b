import { requireAdmin } from '$lib/server/http/authz';
import { listOrganisations } from '$lib/server/features/admin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = await requireAdmin(event);
	return { organisations: await listOrganisations(ctx.db, ctx) };
};
