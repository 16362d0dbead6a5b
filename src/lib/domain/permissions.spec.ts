import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './roles';
import { can, PERMISSIONS, type Permission } from './permissions';

/**
 * The policy written out by hand, role by role: what each may do, everything else refused.
 * A change to the table under test is a change this spec must be told about (reading the
 * expectations from PERMISSIONS could never fail).
 */
const ALLOWED: Record<Role, Permission[]> = {
	consultant_social_worker: [
		'overrideStatus',
		'triageFlag',
		'manageWorkflow',
		'decideContact',
		'restrictGuardian',
		'runMeeting',
		'readReports'
	],
	social_worker: ['manageWorkflow', 'decideContact', 'restrictGuardian'],
	social_instructor: ['manageWorkflow'],
	family_therapist: ['writeReflection'],
	coordinator: ['scheduleConsultation', 'runMeeting', 'readReports'],
	region_manager: ['readReports'],
	partner: [],
	residential_staff: [],
	admin: []
};

describe('permissions', () => {
	it('covers every role and every permission', () => {
		expect(Object.keys(ALLOWED).sort()).toEqual([...ROLES].sort());
		for (const role of ROLES)
			for (const p of ALLOWED[role]) expect(Object.keys(PERMISSIONS)).toContain(p);
	});
	const cases = ROLES.flatMap((role) =>
		(Object.keys(PERMISSIONS) as Permission[]).map(
			(p) => [p, role, ALLOWED[role].includes(p)] as const
		)
	);
	it.each(cases)('%s for %s → %s', (p, role, expected) => {
		expect(can(role, p)).toBe(expected);
	});
	it('nobody without a role may do anything', () => {
		for (const p of Object.keys(PERMISSIONS) as Permission[]) {
			expect(can(null, p)).toBe(false);
			expect(can(undefined, p)).toBe(false);
		}
	});
});
