import { requireRole } from '$lib/server/http/authz';
import { teamFlags } from '$lib/server/features/flags';
import { TEAM_ROLES } from '$lib/domain/roles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const staff = await requireRole(event, ...TEAM_ROLES);
	return { flags: await teamFlags(staff.db, staff) };
};
