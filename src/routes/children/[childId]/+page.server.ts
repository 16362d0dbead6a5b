import { can } from '$lib/domain/permissions';
import { requireChildAccess } from '$lib/server/http/authz';
import { uuidParam } from '$lib/server/http/params';
import { childPage, meetingsText, workText } from '$lib/server/features/child-page';
import { pathText } from '$lib/server/features/path';
import { gridText, statusColours, statusText } from '$lib/server/features/status';
import { formatDate } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { words } from '$lib/server/words';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId));
	const page = await childPage(ctx.db, ctx);
	return {
		...page,
		path: pathText(page.path),
		work: workText(page.work),
		meetings: meetingsText(page.meetings),
		requests: page.requests.map((r) => ({
			...r,
			dueText: m.request_due({ date: formatDate(r.dueDate) })
		})),
		// The page's fixed texts, in this language only (ADR 028: the JavaScript budget).
		t: words(
			'child_title',
			'assessment_new',
			'child_details',
			'child_expected_birth',
			'birth_title',
			'child_date_of_birth',
			'child_hetu',
			'child_hetu_show',
			'child_municipality',
			'child_responsible_worker',
			'child_placement',
			'child_edit',
			'child_access_title',
			'child_access_log_export',
			'requests_title',
			'no_items',
			'request_open',
			'request_done',
			'assessments_title',
			'assessment_organisation',
			'assessment_author',
			'assessment_status',
			'assessment_date',
			'assessment_draft',
			'assessment_superseded',
			'assessment_submitted',
			'assessment_is_correction',
			'work_title',
			'flags_title',
			'flag_overdue',
			'work_intensive',
			'work_consultations',
			'work_no_consultations',
			'consultation_request_title',
			'path_title',
			'path_phase',
			'phase_title',
			'plan_link',
			'path_second_worker',
			'path_last_heard',
			'family_siblings',
			'family_title',
			'child_guardians_link',
			'path_clocks',
			'path_no_clocks',
			'path_contacts',
			'contact_urgent_yes',
			'path_history',
			'contact_new',
			'summary_link',
			'contact_partner_title',
			'child_meetings_title',
			'child_meetings_raised',
			'meeting_tells_family'
		),
		// Made here, in this language only (ADR 028: the page is at its JavaScript budget).
		unbornNote: page.view.child.birthExpected ? m.child_unborn_note() : null,
		// The colours; the rest of the status goes to the page as text only.
		status: statusColours(page.status),
		statusText: statusText(page.status),
		grid: gridText(page.overview),
		viewerOrganisationId: ctx.access.membership.organisationId,
		canOverride: ctx.access.kind === 'team' && can(ctx.access.membership.role, 'overrideStatus')
	};
};
