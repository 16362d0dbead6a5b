import { can } from '$lib/domain/permissions';
import { requireChildAccess } from '$lib/server/http/authz';
import { uuidParam } from '$lib/server/http/params';
import { childPage } from '$lib/server/features/child-page';
import { childMeetingHistory } from '$lib/server/features/meetings';
import { pathText } from '$lib/server/features/path';
import { gridText, statusText } from '$lib/server/features/status';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId));
	const page = await childPage(ctx.db, ctx);
	return {
		...page,
		path: pathText(page.path),
		meetings: await childMeetingHistory(ctx.db, ctx),
		statusText: statusText(page.status),
		grid: page.overview ? gridText(page.overview) : [],
		viewerOrganisationId: ctx.access.membership.organisationId,
		canOverride: ctx.access.kind === 'team' && can(ctx.access.membership.role, 'overrideStatus')
	};
};
