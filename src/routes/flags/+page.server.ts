import { requireRole, viewerOf } from '$lib/server/authz';
import { getDb } from '$lib/server/db';
import { teamFlags } from '$lib/server/services/flags';
import { TEAM_ROLES } from '$lib/domain/roles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireRole(event, ...TEAM_ROLES);
	return { flags: await teamFlags(await getDb(), viewerOf(event)) };
};
