import { can } from '$lib/domain/permissions';
import { requireChildAccess, database } from '$lib/server/http/authz';
import { uuidParam } from '$lib/server/http/params';
import { listAssessments } from '$lib/server/features/assessments';
import { getChild } from '$lib/server/features/children';
import { requestsForChild } from '$lib/server/features/grants';
import { childStatusView } from '$lib/server/features/status';
import { childOverview } from '$lib/server/features/status';
import { consultationsForChild } from '$lib/server/features/consultations';
import { flagsForChild } from '$lib/server/features/flags';
import { workflowsForChild } from '$lib/server/features/intensive';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId));
	const db = await database();
	const view = await getChild(db, ctx);
	return {
		view,
		status: await childStatusView(db, ctx),
		overview: ctx.access.kind === 'team' ? await childOverview(db, ctx) : null,
		assessments: await listAssessments(db, ctx),
		requests: await requestsForChild(db, ctx),
		work: {
			flags: await flagsForChild(db, ctx),
			workflows: await workflowsForChild(db, ctx),
			consultations: await consultationsForChild(db, ctx)
		},
		viewerOrganisationId: ctx.access.membership.organisationId,
		canOverride: ctx.access.kind === 'team' && can(ctx.access.membership.role, 'overrideStatus')
	};
};
