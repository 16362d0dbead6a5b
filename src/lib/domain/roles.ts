/** Organisation kinds and roles (docs/domain.md §2). Pure data and rules: no I/O. */
import { isOneOf } from './one-of';

export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ORGANISATION_KINDS = [
	'child_protection',
	'school',
	'early_education',
	'child_health_clinic',
	'child_psychiatry',
	'youth_mental_health',
	'substance_abuse',
	'residential_unit'
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const TEAM_ROLES = [
	'consultant_social_worker',
	'social_worker',
	'social_instructor',
	'family_therapist',
	'coordinator'
] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/**
 * `region_manager`: the region's child-protection management. Sees the reports of every team
 * of their organisation, as aggregates only; never a child (§8).
 */
export const ROLES = [
	...TEAM_ROLES,
	'region_manager',
	'partner',
	'residential_staff',
	'admin'
] as const;
export type Role = (typeof ROLES)[number];

export const PARTNER_KINDS: readonly OrganisationKind[] = [
	'school',
	'early_education',
	'child_health_clinic',
	'child_psychiatry',
	'youth_mental_health',
	'substance_abuse'
];

export function isTeamRole(role: Role): role is TeamRole {
	return isOneOf(TEAM_ROLES, role);
}

export type MembershipShape = {
	role: Role;
	organisationKind: OrganisationKind;
	hasTeam: boolean;
};

export type MembershipProblem =
	| 'team_role_needs_child_protection'
	| 'team_role_needs_team'
	| 'team_only_for_team_roles'
	| 'partner_needs_partner_org'
	| 'residential_staff_needs_residential_unit'
	| 'region_manager_needs_child_protection';

/**
 * Which role fits which organisation. Admin may sit in any organisation (usually the
 * municipality's own) but, by separation of duties, alone: see `adminMixProblem`.
 */
export function membershipProblem(m: MembershipShape): MembershipProblem | null {
	if (isTeamRole(m.role)) {
		if (m.organisationKind !== 'child_protection') return 'team_role_needs_child_protection';
		if (!m.hasTeam) return 'team_role_needs_team';
		return null;
	}
	if (m.hasTeam) return 'team_only_for_team_roles';
	if (m.role === 'partner' && !PARTNER_KINDS.includes(m.organisationKind)) {
		return 'partner_needs_partner_org';
	}
	if (m.role === 'residential_staff' && m.organisationKind !== 'residential_unit') {
		return 'residential_staff_needs_residential_unit';
	}
	if (m.role === 'region_manager' && m.organisationKind !== 'child_protection') {
		return 'region_manager_needs_child_protection';
	}
	return null;
}

/** An admin account holds no other role, so it can never reach child data. */
export function adminMixProblem(existingRoles: readonly Role[], newRole: Role): boolean {
	if (newRole === 'admin') return existingRoles.some((r) => r !== 'admin');
	return existingRoles.includes('admin');
}

/** Where each role lands and what the navigation offers it. */
export type NavKey =
	| 'home'
	| 'children'
	| 'intake'
	| 'report'
	| 'receipts'
	| 'caseload'
	| 'meetings'
	| 'reports'
	| 'flags'
	| 'work'
	| 'team'
	| 'notifications'
	| 'admin_organisations'
	| 'admin_teams'
	| 'admin_users'
	| 'account';

/** Who reads the system-level reports (§8): the team's leads and the region's management. */
export const REPORT_ROLES: readonly Role[] = [
	'coordinator',
	'consultant_social_worker',
	'region_manager'
];

/** Who sends THL's half-yearly return, and so sees it exactly (§8): consultant, region. */
export const THL_ROLES = ['consultant_social_worker', 'region_manager'] as const;

export function navigationFor(roles: readonly Role[]): NavKey[] {
	const nav: NavKey[] = ['home'];
	if (roles.some(isTeamRole))
		nav.push('children', 'intake', 'flags', 'meetings', 'work', 'team', 'caseload');
	// A partner or unit files a child-protection notification from anywhere (§10).
	else if (roles.some((r) => r === 'partner' || r === 'residential_staff'))
		nav.push('report', 'receipts');
	if (roles.some((r) => REPORT_ROLES.includes(r))) nav.push('reports');
	// Admins get no notifications: nothing about children reaches them.
	if (roles.some((r) => r !== 'admin')) nav.push('notifications');
	if (roles.includes('admin')) nav.push('admin_organisations', 'admin_teams', 'admin_users');
	nav.push('account');
	return nav;
}

/** The role that decides the home page when a user has several memberships. */
export function primaryRole(roles: readonly Role[]): Role | null {
	for (const r of ROLES) if (roles.includes(r)) return r;
	return null;
}

/** A team a person works in, for the header's switch. */
export type TeamChoice = { id: string; name: string };

/**
 * The memberships a person acts through on one request (§2): a person in two teams acts in
 * one team at a time, the one they chose in the header (`chosen`), or, before choosing, the
 * first of their teams by name. Memberships of their other teams are left out, so every
 * list, action and log row is of the acting team; memberships without a team (partner,
 * unit, admin, region) always stay.
 */
export function actingMemberships<
	M extends { role: Role; teamId: string | null; teamName: string | null }
>(
	memberships: readonly M[],
	chosen: string | null | undefined
): { memberships: M[]; teams: TeamChoice[]; teamId: string | null } {
	const byId = new Map<string, string>();
	for (const m of memberships)
		if (isTeamRole(m.role) && m.teamId) byId.set(m.teamId, m.teamName ?? '');
	const teams = [...byId]
		.map(([id, name]) => ({ id, name }))
		.sort((a, b) => a.name.localeCompare(b.name, 'fi') || a.id.localeCompare(b.id));
	const teamId = (chosen && byId.has(chosen) ? chosen : teams[0]?.id) ?? null;
	return {
		memberships: memberships.filter((m) => !(isTeamRole(m.role) && m.teamId !== teamId)),
		teams,
		teamId
	};
}
