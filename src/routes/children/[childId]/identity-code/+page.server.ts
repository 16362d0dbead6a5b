import { requireChildAccess, requireRecentAuth } from '$lib/server/http/authz';
import { httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { getChild, revealIdentityCode } from '$lib/server/features/children';
import type { PageServerLoad } from './$types';

/** The whole identity code: the team only, after a fresh confirmation, logged as a reveal. */
export const load: PageServerLoad = async (event) => {
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId), {
		teamOnly: true,
		action: 'reveal',
		entityType: 'identity_code'
	});
	requireRecentAuth(event);
	const { db } = ctx;
	const view = await getChild(db, ctx);
	return {
		child: { id: ctx.childId, name: `${view.child.givenName} ${view.child.familyName}` },
		code: await revealIdentityCode(db, ctx).catch(httpFailure)
	};
};
