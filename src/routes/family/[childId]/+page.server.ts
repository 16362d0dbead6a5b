import { ownChildPage } from '$lib/server/features/family';
import { familyBar, requireFamilyChild } from '$lib/server/http/family';
import { httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import type { PageServerLoad } from './$types';

/** One child as the family sees it (DOMAIN §11): the summary and the client plan. */
export const load: PageServerLoad = async (event) => {
	const ctx = await requireFamilyChild(event, uuidParam(event.params.childId), {
		entityType: 'family_summary'
	});
	const page = await ownChildPage(ctx.db, ctx).catch(httpFailure);
	return {
		bar: familyBar(ctx),
		childId: ctx.childId,
		madeOn: ctx.now.toISOString().slice(0, 10),
		...page
	};
};
