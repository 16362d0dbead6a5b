import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireChildAccess } from '$lib/server/http/authz';
import { httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { withClockText } from '$lib/server/features/path';
import { childPath, clientPlans } from '$lib/server/features/path';
import type { PageServerLoad } from './$types';

/** The child's client plan (30 §): its versions, newest first, and where its clock stands. */
export const load: PageServerLoad = async (event) => {
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId), {
		teamOnly: true,
		entityType: 'client_plan'
	});
	const { db } = ctx;
	const path = await childPath(db, ctx);
	if (path?.kind !== 'team') error(404, m.error_not_found());
	const versions = await clientPlans(db, ctx).catch(httpFailure);
	const clock = path.clocks.find((c) => c.kind === 'client_plan_review' && !c.metOn) ?? null;
	return {
		childId: ctx.childId,
		phase: path.phase,
		clock: clock && withClockText(clock),
		versions
	};
};
