import { isTeamRole } from '$lib/domain/roles';
import type { ConsultationState } from '$lib/domain/workflows';
import { formatDay } from '$lib/format';
import { consultationStateLabel } from '$lib/labels/consultation-state';
import { urgencyLabel } from '$lib/labels/urgency';
import { m } from '$lib/paraglide/messages';
import { parseDashboardFilter } from '$lib/schemas/dashboard';
import { parsePage } from '$lib/schemas/common';
import { inboxSearchSchema } from '$lib/schemas/inbox';
import { requireRole, requireUser, staffOf } from '$lib/server/http/authz';
import { defineForm, fail } from '$lib/server/http/forms';
import { awaitingApproval } from '$lib/server/features/account';
import { teamWorkers } from '$lib/server/features/children';
import { teamDashboard } from '$lib/server/features/dashboard';
import { partnerInbox } from '$lib/server/features/grants';
import { nearestClockText } from '$lib/server/features/path';
import type { Actions, PageServerLoad } from './$types';

const inboxDef = defineForm(inboxSearchSchema, 'inbox');

/** Home by role: the team's dashboard, a partner's or unit's inbox, the admin's links. */
export const load: PageServerLoad = async (event) => {
	const staff = staffOf(event);
	const user = requireUser(event);
	const { db } = staff;
	const external = user.roles.some((r) => r === 'partner' || r === 'residential_staff');
	const team = user.memberships.find((ms) => isTeamRole(ms.role) && ms.teamId);
	const filter = parseDashboardFilter(event.url.searchParams);
	return {
		memberships: user.memberships.map((ms) => ({
			role: ms.role,
			organisationName: ms.organisationName,
			teamName: ms.teamName
		})),
		inbox: external
			? withUnitTexts(
					await partnerInbox(db, staff, {
						page: parsePage(event.url.searchParams, 'inboxPage')
					})
				)
			: null,
		inboxForm: external ? await inboxDef.show() : null,
		dashboard: team ? await dashboardOf(staff, team.teamId!, filter) : null,
		// No role yet (a first sign-in through the provider, say): who must approve what.
		awaiting: user.roles.length ? null : await awaitingOf(staff, user.id)
	};
};

/**
 * A residential unit's consultations with their words made here (ADR 028): the home page
 * is the heaviest page of all, and carrying the table's fixed texts in three languages
 * for every role would break its JavaScript budget.
 */
function withUnitTexts<I extends { consultations: Parameters<typeof unitRow>[0][] }>(inbox: I) {
	const count = inbox.consultations.length;
	return {
		...inbox,
		unit: {
			title: m.unit_consultations_title({ count }),
			none: m.unit_consultations_none(),
			caption: m.unit_consultations_caption(),
			columns: [
				m.unit_col_child(),
				m.consultation_question(),
				m.consultation_state(),
				m.unit_col_requested()
			],
			rows: inbox.consultations.map(unitRow)
		}
	};
}

function unitRow(c: {
	id: string;
	givenName: string;
	familyName: string;
	question: string;
	urgency: 'normal' | 'urgent';
	state: ConsultationState;
	scheduledAt: Date | null;
	recorded: boolean;
	createdAt: Date;
}) {
	return {
		id: c.id,
		child: `${c.familyName}, ${c.givenName}`,
		question: c.question,
		urgent: c.urgency === 'urgent' ? urgencyLabel(c.urgency) : null,
		state: consultationStateLabel(c.state),
		scheduledOn: c.state === 'scheduled' && c.scheduledAt ? formatDay(c.scheduledAt) : null,
		outcome: c.recorded ? m.unit_consultation_outcome_ready() : null,
		requestedOn: formatDay(c.createdAt)
	};
}

/**
 * What a person without a role waits for, in words (said here, so the page carries this
 * language's words only, ADR 028): the teams whose consultant must approve, or the admin.
 */
async function awaitingOf(staff: ReturnType<typeof staffOf>, userId: string) {
	const awaiting = await awaitingApproval(staff.db, userId);
	return {
		title: m.home_awaiting_title(),
		lines: awaiting.length
			? awaiting.map((a) =>
					a.teamName
						? m.home_awaiting_team({ organisation: a.organisationName, team: a.teamName })
						: a.organisationName
				)
			: [m.home_awaiting_admin()],
		note: m.home_awaiting_refresh()
	};
}

async function dashboardOf(
	staff: ReturnType<typeof staffOf>,
	teamId: string,
	filter: ReturnType<typeof parseDashboardFilter>
) {
	const dashboard = await teamDashboard(staff.db, staff, filter);
	return {
		filter,
		workers: await teamWorkers(staff.db, teamId),
		...dashboard,
		// §10: said here, so the page carries the words, not every language's (ADR 028).
		unassessedText: dashboard.unassessedLate
			? m.dashboard_unassessed_late({ count: dashboard.unassessedLate })
			: dashboard.unassessed
				? m.dashboard_unassessed({ count: dashboard.unassessed })
				: null,
		rows: dashboard.rows.map((r) => ({ ...r, clock: r.clock && nearestClockText(r.clock) }))
	};
}

export const actions: Actions = {
	// A POST, not a query string: a child's name must never end up in a URL.
	searchInbox: async (event) => {
		const staff = await requireRole(event, 'partner', 'residential_staff');
		const form = await inboxDef.read(event.request);
		if (!form.valid) return fail(400, { form });
		const inbox = await partnerInbox(staff.db, staff, {
			page: form.data.page,
			name: form.data.name
		});
		return { form, inbox };
	}
};
