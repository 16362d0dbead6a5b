import { can } from '$lib/domain/permissions';
import { requireChildAccess } from '$lib/server/http/authz';
import { uuidParam } from '$lib/server/http/params';
import { childPage, workText } from '$lib/server/features/child-page';
import { pathText } from '$lib/server/features/path';
import { gridText, statusColours, statusText } from '$lib/server/features/status';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId));
	const page = await childPage(ctx.db, ctx);
	return {
		...page,
		path: pathText(page.path),
		work: workText(page.work),
		// Made here, in this language only (ADR 028: the page is at its JavaScript budget).
		unbornNote: page.view.child.birthExpected ? m.child_unborn_note() : null,
		// The colours; the rest of the status goes to the page as text only.
		status: statusColours(page.status),
		statusText: statusText(page.status),
		grid: page.overview ? gridText(page.overview) : [],
		viewerOrganisationId: ctx.access.membership.organisationId,
		canOverride: ctx.access.kind === 'team' && can(ctx.access.membership.role, 'overrideStatus')
	};
};
