import { isTeamRole } from '$lib/domain/roles';
import { parseDashboardFilter } from '$lib/schemas/dashboard';
import { requireUser, viewerOf, database } from '$lib/server/http/authz';
import { teamWorkers } from '$lib/server/features/children';
import { teamDashboard } from '$lib/server/features/dashboard';
import { partnerInbox } from '$lib/server/features/grants';
import type { PageServerLoad } from './$types';

/** Home by role: the team's dashboard, a partner's or unit's inbox, the admin's links. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = await database();
	const external = user.roles.some((r) => r === 'partner' || r === 'residential_staff');
	const team = user.memberships.find((ms) => isTeamRole(ms.role) && ms.teamId);
	const filter = parseDashboardFilter(event.url.searchParams);
	return {
		memberships: user.memberships.map((ms) => ({
			role: ms.role,
			organisationName: ms.organisationName,
			teamName: ms.teamName
		})),
		inbox: external ? await partnerInbox(db, viewerOf(event)) : null,
		dashboard: team
			? {
					filter,
					workers: await teamWorkers(db, team.teamId!),
					...(await teamDashboard(db, viewerOf(event), filter))
				}
			: null
	};
};
