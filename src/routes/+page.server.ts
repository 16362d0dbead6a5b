import { isTeamRole, primaryRole, type Role } from '$lib/domain/roles';
import { roleLabel } from '$lib/labels/role';
import { m } from '$lib/paraglide/messages';
import { parseDashboardFilter } from '$lib/schemas/dashboard';
import { parsePage } from '$lib/schemas/common';
import { inboxSearchSchema } from '$lib/schemas/inbox';
import { requireRole, requireUser, staffOf } from '$lib/server/http/authz';
import { defineForm, fail } from '$lib/server/http/forms';
import { awaitingApproval } from '$lib/server/features/account';
import { dashboardText, teamDashboard } from '$lib/server/features/dashboard';
import { inboxText, partnerInbox } from '$lib/server/features/grants';
import type { Actions, PageServerLoad } from './$types';

const inboxDef = defineForm(inboxSearchSchema, 'inbox', { name: 'inbox_search_label' });

/** A residential unit's home (the page's own choice of view): it may ask for consultations. */
const isUnit = (roles: readonly Role[]) => primaryRole(roles) === 'residential_staff';

/** Home by role: the team's dashboard, a partner's or unit's inbox, the admin's links. */
export const load: PageServerLoad = async (event) => {
	const staff = staffOf(event);
	const user = requireUser(event);
	const { db } = staff;
	const external = user.roles.some((r) => r === 'partner' || r === 'residential_staff');
	const team = user.memberships.find((ms) => isTeamRole(ms.role) && ms.teamId);
	const filter = parseDashboardFilter(event.url.searchParams);
	return {
		home: homeText(user),
		inbox: external
			? inboxText(
					await partnerInbox(db, staff, {
						page: parsePage(event.url.searchParams, 'inboxPage')
					}),
					{ unit: isUnit(user.roles) }
				)
			: null,
		inboxForm: external ? await inboxDef.show() : null,
		dashboard: team ? await dashboardOf(staff, filter) : null,
		// No role yet (a first sign-in through the provider, say): who must approve what.
		awaiting: user.roles.length ? null : await awaitingOf(staff, user.id)
	};
};

/**
 * The page's own words for the reader's role, made here (ADR 028): the home page serves
 * every role, and its JavaScript would otherwise carry every role's texts in three
 * languages.
 */
function homeText(user: ReturnType<typeof requireUser>) {
	const role = primaryRole(user.roles);
	return {
		title: `${m.home_title()} – ${m.app_name()}`,
		welcome: m.home_welcome({ name: user.displayName }),
		memberships: user.memberships.map((ms) => ({
			key: `${ms.role}:${ms.organisationName}:${ms.teamName ?? ''}`,
			text: m.home_role({
				role: roleLabel(ms.role),
				organisation: ms.teamName ? `${ms.organisationName} / ${ms.teamName}` : ms.organisationName
			})
		})),
		admin:
			role === 'admin'
				? {
						title: m.home_admin_title(),
						intro: m.home_admin_intro(),
						organisations: m.organisations_title(),
						teams: m.teams_title(),
						users: m.users_title()
					}
				: null,
		region:
			role === 'region_manager'
				? {
						title: m.home_region_title(),
						intro: m.home_region_intro(),
						reports: m.report_title(),
						thl: m.report_thl_title()
					}
				: null,
		residential:
			role === 'residential_staff'
				? { title: m.home_residential_title(), intro: m.home_residential_placeholder() }
				: null,
		partnerTitle: m.home_partner_title()
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
	filter: ReturnType<typeof parseDashboardFilter>
) {
	const d = await teamDashboard(staff.db, staff, filter);
	return { filter, workers: d.workers, ...dashboardText(d, filter) };
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
		return { form, inbox: inboxText(inbox, { unit: isUnit(requireUser(event).roles) }) };
	}
};
