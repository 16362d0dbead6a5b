import { can } from '$lib/domain/permissions';
import { requireChildAccess } from '$lib/server/http/authz';
import { uuidParam } from '$lib/server/http/params';
import { childPage } from '$lib/server/features/child-page';
import { childMeetingHistory } from '$lib/server/features/meetings';
import { pathText } from '$lib/server/features/path';
import { gridText, statusText } from '$lib/server/features/status';
import { familyWords, ownViewColumn } from '$lib/server/features/family';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId));
	const page = await childPage(ctx.db, ctx);
	return {
		...page,
		path: pathText(page.path),
		meetings: await childMeetingHistory(ctx.db, ctx),
		// The family's own words (§11) are for the team, never a partner's screen.
		familyWords: ctx.access.kind === 'team' ? await familyWords(ctx.db, ctx) : null,
		// The young person's own view (§11): a column of the team's grid, never the colour.
		ownView: ctx.access.kind === 'team' ? await ownViewColumn(ctx.db, ctx) : null,
		// Made here, in this language only (ADR 028: the page is at its JavaScript budget).
		unbornNote: page.view.child.birthExpected ? m.child_unborn_note() : null,
		statusText: statusText(page.status),
		grid: page.overview ? gridText(page.overview) : [],
		viewerOrganisationId: ctx.access.membership.organisationId,
		canOverride: ctx.access.kind === 'team' && can(ctx.access.membership.role, 'overrideStatus')
	};
};
