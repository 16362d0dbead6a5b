import { requireAdmin, database } from '$lib/server/authz';
import { listTeams } from '$lib/server/services/admin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = await requireAdmin(event);
	return { teams: await listTeams(await database(), actor) };
};
