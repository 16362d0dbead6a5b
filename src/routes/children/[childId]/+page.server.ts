import { can } from '$lib/domain/permissions';
import { requireChildAccess, database } from '$lib/server/http/authz';
import { uuidParam } from '$lib/server/http/params';
import { childPage } from '$lib/server/features/child-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId));
	return {
		...(await childPage(await database(), ctx)),
		viewerOrganisationId: ctx.access.membership.organisationId,
		canOverride: ctx.access.kind === 'team' && can(ctx.access.membership.role, 'overrideStatus')
	};
};
