import { describe, expect, it } from 'vitest';
import {
	adminMixProblem,
	isTeamRole,
	membershipProblem,
	navigationFor,
	primaryRole,
	ROLES,
	TEAM_ROLES
} from './roles';

describe('membershipProblem', () => {
	it.each(TEAM_ROLES)('%s belongs to a child-protection team', (role) => {
		expect(
			membershipProblem({ role, organisationKind: 'child_protection', hasTeam: true })
		).toBeNull();
		expect(membershipProblem({ role, organisationKind: 'school', hasTeam: true })).toBe(
			'team_role_needs_child_protection'
		);
		expect(membershipProblem({ role, organisationKind: 'child_protection', hasTeam: false })).toBe(
			'team_role_needs_team'
		);
	});

	it('partner only in partner organisations, without a team', () => {
		expect(
			membershipProblem({ role: 'partner', organisationKind: 'school', hasTeam: false })
		).toBeNull();
		expect(
			membershipProblem({
				role: 'partner',
				organisationKind: 'residential_unit',
				hasTeam: false
			})
		).toBe('partner_needs_partner_org');
		expect(membershipProblem({ role: 'partner', organisationKind: 'school', hasTeam: true })).toBe(
			'team_only_for_team_roles'
		);
	});

	it('residential staff only in a residential unit', () => {
		expect(
			membershipProblem({
				role: 'residential_staff',
				organisationKind: 'residential_unit',
				hasTeam: false
			})
		).toBeNull();
		expect(
			membershipProblem({
				role: 'residential_staff',
				organisationKind: 'school',
				hasTeam: false
			})
		).toBe('residential_staff_needs_residential_unit');
	});

	it('region manager only in a child-protection organisation, without a team', () => {
		expect(
			membershipProblem({
				role: 'region_manager',
				organisationKind: 'child_protection',
				hasTeam: false
			})
		).toBeNull();
		expect(
			membershipProblem({ role: 'region_manager', organisationKind: 'school', hasTeam: false })
		).toBe('region_manager_needs_child_protection');
		expect(
			membershipProblem({
				role: 'region_manager',
				organisationKind: 'child_protection',
				hasTeam: true
			})
		).toBe('team_only_for_team_roles');
	});

	it('admin may sit in any organisation', () => {
		expect(
			membershipProblem({ role: 'admin', organisationKind: 'child_protection', hasTeam: false })
		).toBeNull();
	});
});

describe('adminMixProblem (separation of duties)', () => {
	it('refuses admin beside another role, both ways', () => {
		expect(adminMixProblem(['social_worker'], 'admin')).toBe(true);
		expect(adminMixProblem(['admin'], 'partner')).toBe(true);
		expect(adminMixProblem(['admin'], 'admin')).toBe(false);
		expect(adminMixProblem(['partner'], 'partner')).toBe(false);
		expect(adminMixProblem([], 'admin')).toBe(false);
	});
});

describe('navigation and home', () => {
	it('offers the reports to the coordinator, the consultant and the region manager only', () => {
		for (const r of ROLES)
			expect(navigationFor([r]).includes('reports')).toBe(
				['coordinator', 'consultant_social_worker', 'region_manager'].includes(r)
			);
	});

	it('shows admin pages only to admins', () => {
		expect(navigationFor(['admin'])).toContain('admin_users');
		for (const r of ROLES.filter((r) => r !== 'admin')) {
			expect(navigationFor([r])).not.toContain('admin_users');
		}
	});
	it('shows the children list to team roles only', () => {
		expect(navigationFor(['coordinator'])).toContain('children');
		expect(navigationFor(['partner'])).not.toContain('children');
		expect(navigationFor(['admin'])).not.toContain('children');
	});
	it('shows the weekly meetings to team roles only', () => {
		expect(navigationFor(['family_therapist'])).toContain('meetings');
		for (const r of ['partner', 'residential_staff', 'admin'] as const)
			expect(navigationFor([r])).not.toContain('meetings');
	});

	it('shows the intake list to team roles and the notification form to partners', () => {
		expect(navigationFor(['social_worker'])).toContain('intake');
		expect(navigationFor(['social_worker'])).not.toContain('report');
		expect(navigationFor(['partner'])).toContain('report');
		expect(navigationFor(['residential_staff'])).toContain('report');
		expect(navigationFor(['partner'])).not.toContain('intake');
		expect(navigationFor(['admin'])).not.toContain('report');
		expect(navigationFor(['admin'])).not.toContain('intake');
	});
	it('picks a primary role deterministically', () => {
		expect(primaryRole([])).toBeNull();
		expect(primaryRole(['partner', 'social_worker'])).toBe('social_worker');
	});
	it('knows the team roles', () => {
		expect(isTeamRole('coordinator')).toBe(true);
		expect(isTeamRole('partner')).toBe(false);
	});
});
