import { requireChildAccess } from '$lib/server/http/authz';
import { httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { clientPlanVersion } from '$lib/server/features/path';
import type { PageServerLoad } from './$types';

/** One version of the client plan, printable in the family's language; reading it is logged. */
export const load: PageServerLoad = async (event) => {
	const planId = uuidParam(event.params.planId);
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId), {
		teamOnly: true,
		entityType: 'client_plan',
		entityId: planId
	});
	const version = await clientPlanVersion(ctx.db, ctx, planId).catch(httpFailure);
	return { childId: ctx.childId, version };
};
