import { requireUser } from '$lib/server/authz';
import type { PageServerLoad } from './$types';

/** Home by role. Each role's real content arrives with later issues (said on the page). */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		memberships: user.memberships.map((ms) => ({
			role: ms.role,
			organisationName: ms.organisationName,
			teamName: ms.teamName
		}))
	};
};
