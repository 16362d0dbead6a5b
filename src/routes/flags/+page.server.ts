import { requireRole, viewerOf, database } from '$lib/server/authz';
import { teamFlags } from '$lib/server/services/flags';
import { TEAM_ROLES } from '$lib/domain/roles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireRole(event, ...TEAM_ROLES);
	return { flags: await teamFlags(await database(), viewerOf(event)) };
};
