import { TEAM_ROLES } from '$lib/domain/roles';
import { database, requireRole, viewerOf } from '$lib/server/http/authz';
import { intakeList } from '$lib/server/features/path';
import type { PageServerLoad } from './$types';

/** The team's intake: new contacts and needs assessments with their clocks (§10). */
export const load: PageServerLoad = async (event) => {
	await requireRole(event, ...TEAM_ROLES);
	return { children: await intakeList(await database(), viewerOf(event)) };
};
