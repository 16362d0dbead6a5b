import { requireAdmin, database } from '$lib/server/authz';
import { listOrganisations } from '$lib/server/services/admin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = await requireAdmin(event);
	return { organisations: await listOrganisations(await database(), actor) };
};
