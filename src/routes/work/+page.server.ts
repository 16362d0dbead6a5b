import { TEAM_ROLES } from '$lib/domain/roles';
import { requireRole, staffOf } from '$lib/server/http/authz';
import { teamWork } from '$lib/server/features/intensive';
import { myOpenSteps } from '$lib/server/features/meetings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireRole(event, ...TEAM_ROLES);
	const viewer = staffOf(event);
	const { db } = viewer;
	return { ...(await teamWork(db, viewer)), mySteps: await myOpenSteps(db, viewer) };
};
