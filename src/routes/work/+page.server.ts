import { TEAM_ROLES } from '$lib/domain/roles';
import { requireRole, viewerOf, database } from '$lib/server/http/authz';
import { teamWork } from '$lib/server/features/intensive';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireRole(event, ...TEAM_ROLES);
	return await teamWork(await database(), viewerOf(event));
};
