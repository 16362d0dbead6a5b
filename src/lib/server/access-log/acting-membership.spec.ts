import { describe, expect, it } from 'vitest';
import type { Role } from '../../domain/roles';
import type { MembershipInfo } from '../auth/session';
import { actingMembership, actorOf } from '.';

const ms = (role: Role, teamId: string | null, organisationId = 'org'): MembershipInfo => ({
	id: `${role}-${teamId}`,
	role,
	organisationId,
	organisationName: 'Org',
	organisationKind: 'child_protection',
	teamId,
	teamName: teamId
});
const viewer = (...memberships: MembershipInfo[]) => ({
	userId: 'u',
	memberships,
	requestId: null
});

describe('the membership a person acts through where no record decides it (§2)', () => {
	it('is the acting team role, even when another membership comes first', () => {
		const v = viewer(ms('region_manager', null, 'region'), ms('coordinator', 'north', 'welfare'));
		expect(actingMembership(v)?.role).toBe('coordinator');
		expect(actorOf(v, actingMembership(v))).toMatchObject({
			role: 'coordinator',
			organisationId: 'welfare'
		});
	});

	it('is the only membership of someone without a team', () => {
		expect(actingMembership(viewer(ms('partner', null, 'school')))?.organisationId).toBe('school');
	});

	it('is none for someone with no membership: the log row names no role', () => {
		const v = viewer();
		expect(actingMembership(v)).toBeUndefined();
		expect(actorOf(v, actingMembership(v))).toMatchObject({ role: null, organisationId: null });
	});
});
