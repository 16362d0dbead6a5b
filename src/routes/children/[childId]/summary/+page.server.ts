import { summaryLocale } from '$lib/schemas/path';
import { requireChildAccess } from '$lib/server/http/authz';
import { httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { familySummary, summaryText } from '$lib/server/features/path';
import type { PageServerLoad } from './$types';

/** The family summary (§11), to print in the family's language; producing it is logged. */
export const load: PageServerLoad = async (event) => {
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId), {
		teamOnly: true,
		action: 'produce',
		entityType: 'family_summary'
	});
	const summary = await familySummary(ctx.db, ctx).catch(httpFailure);
	const locale = summaryLocale.parse(event.url.searchParams.get('lang') ?? undefined);
	return {
		childId: ctx.childId,
		locale,
		summary: summaryText(summary, locale, ctx.now)
	};
};
