import { describe, expect, it } from 'vitest';
import {
	childAccess,
	grantValid,
	helsinkiDate,
	inviteAccess,
	type GrantFact,
	type ViewerMembership
} from './access';

const TEAM = 'team-1';
const SCHOOL = 'org-school';
const UNIT = 'org-unit';
const member = (
	role: ViewerMembership['role'],
	organisationId: string,
	teamId: string | null = null
): ViewerMembership => ({
	role,
	organisationId,
	organisationKind:
		role === 'residential_staff'
			? 'residential_unit'
			: role === 'partner'
				? 'school'
				: 'child_protection',
	teamId
});
const grant = (over: Partial<GrantFact> = {}): GrantFact => ({
	organisationId: SCHOOL,
	basis: 'consent',
	validFrom: '2026-01-01',
	validUntil: null,
	revokedAt: null,
	...over
});
const today = '2026-06-15';

describe('childAccess', () => {
	it('team roles see the children of their own team only', () => {
		expect(
			childAccess([member('social_worker', 'cp', TEAM)], { teamId: TEAM, grants: [] }, today)
		).toMatchObject({ basis: 'team' });
		expect(
			childAccess(
				[member('social_worker', 'cp', 'other-team')],
				{ teamId: TEAM, grants: [] },
				today
			)
		).toBeNull();
	});

	it('a partner needs a valid grant to their own organisation', () => {
		const p = [member('partner', SCHOOL)];
		expect(childAccess(p, { teamId: TEAM, grants: [grant()] }, today)).toMatchObject({
			basis: 'consent',
			kind: 'partner'
		});
		expect(childAccess(p, { teamId: TEAM, grants: [] }, today)).toBeNull();
		expect(
			childAccess(p, { teamId: TEAM, grants: [grant({ organisationId: 'other' })] }, today)
		).toBeNull();
	});

	it('revoked, expired and future grants give no access', () => {
		const p = [member('partner', SCHOOL)];
		expect(
			childAccess(p, { teamId: TEAM, grants: [grant({ revokedAt: new Date() })] }, today)
		).toBeNull();
		expect(
			childAccess(p, { teamId: TEAM, grants: [grant({ validUntil: '2026-06-14' })] }, today)
		).toBeNull();
		expect(
			childAccess(p, { teamId: TEAM, grants: [grant({ validUntil: '2026-06-15' })] }, today)
		).not.toBeNull();
		expect(
			childAccess(p, { teamId: TEAM, grants: [grant({ validFrom: '2026-06-16' })] }, today)
		).toBeNull();
	});

	it('residential staff reach a child only through a placement grant', () => {
		const r = [member('residential_staff', UNIT)];
		expect(
			childAccess(
				r,
				{ teamId: TEAM, grants: [grant({ organisationId: UNIT, basis: 'placement' })] },
				today
			)
		).toMatchObject({ basis: 'placement' });
		expect(
			childAccess(
				r,
				{ teamId: TEAM, grants: [grant({ organisationId: UNIT, basis: 'consent' })] },
				today
			)
		).toBeNull();
	});

	it('admins never reach a child', () => {
		expect(
			childAccess(
				[member('admin', 'cp')],
				{ teamId: TEAM, grants: [grant({ organisationId: 'cp' })] },
				today
			)
		).toBeNull();
	});

	it('grant validity is inclusive of both ends', () => {
		expect(grantValid(grant({ validFrom: today, validUntil: today }), today)).toBe(true);
	});

	it('today is the Finnish date, not UTC', () => {
		expect(helsinkiDate(new Date('2026-06-14T22:30:00Z'))).toBe('2026-06-15');
	});
});

describe('inviteAccess (one consultation only)', () => {
	const invite = (over: Partial<Parameters<typeof inviteAccess>[2]> = {}) => ({
		organisationIds: [SCHOOL],
		userIds: [] as string[],
		state: 'scheduled',
		...over
	});
	it('an invited organisation’s partner, while the consultation is scheduled or held', () => {
		for (const state of ['scheduled', 'held'])
			expect(inviteAccess('u1', [member('partner', SCHOOL)], invite({ state }))).toMatchObject({
				basis: 'consultation_invite',
				kind: 'partner'
			});
	});
	it('ends with the consultation; none before it is scheduled', () => {
		for (const state of ['requested', 'closed', 'declined'])
			expect(inviteAccess('u1', [member('partner', SCHOOL)], invite({ state }))).toBeNull();
	});
	it('an invited person by name; never a team member or an uninvited organisation', () => {
		expect(
			inviteAccess(
				'u1',
				[member('partner', UNIT)],
				invite({ organisationIds: [], userIds: ['u1'] })
			)
		).not.toBeNull();
		expect(inviteAccess('u2', [member('partner', UNIT)], invite())).toBeNull();
		expect(
			inviteAccess('u1', [member('social_worker', SCHOOL, TEAM)], invite({ userIds: ['u1'] }))
		).toBeNull();
	});
});
