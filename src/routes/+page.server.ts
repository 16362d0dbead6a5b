import { requireUser, viewerOf } from '$lib/server/authz';
import { getDb } from '$lib/server/db';
import { partnerInbox } from '$lib/server/services/grants';
import type { PageServerLoad } from './$types';

/** Home by role: partners and units get their inbox; the team's dashboard comes with issue 4. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const external = user.roles.some((r) => r === 'partner' || r === 'residential_staff');
	return {
		memberships: user.memberships.map((ms) => ({
			role: ms.role,
			organisationName: ms.organisationName,
			teamName: ms.teamName
		})),
		inbox: external ? await partnerInbox(await getDb(), viewerOf(event)) : null
	};
};
