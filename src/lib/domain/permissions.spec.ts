import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './roles';
import { can, PERMISSIONS, type Permission } from './permissions';

/**
 * The policy written out by hand, role by role, so that a change to the table under test
 * is a change this spec must be told about (reading the expectations from PERMISSIONS
 * could never fail).
 */
const EXPECTED: Record<Role, Record<Permission, boolean>> = {
	consultant_social_worker: {
		overrideStatus: true,
		triageFlag: true,
		scheduleConsultation: false,
		manageWorkflow: true,
		decideContact: true,
		restrictGuardian: true,
		runMeeting: true,
		writeReflection: false,
		readReports: true
	},
	social_worker: {
		overrideStatus: false,
		triageFlag: false,
		scheduleConsultation: false,
		manageWorkflow: true,
		decideContact: true,
		restrictGuardian: true,
		runMeeting: false,
		writeReflection: false,
		readReports: false
	},
	social_instructor: {
		overrideStatus: false,
		triageFlag: false,
		scheduleConsultation: false,
		manageWorkflow: true,
		decideContact: false,
		restrictGuardian: false,
		runMeeting: false,
		writeReflection: false,
		readReports: false
	},
	family_therapist: {
		overrideStatus: false,
		triageFlag: false,
		scheduleConsultation: false,
		manageWorkflow: false,
		decideContact: false,
		restrictGuardian: false,
		runMeeting: false,
		writeReflection: true,
		readReports: false
	},
	coordinator: {
		overrideStatus: false,
		triageFlag: false,
		scheduleConsultation: true,
		manageWorkflow: false,
		decideContact: false,
		restrictGuardian: false,
		runMeeting: true,
		writeReflection: false,
		readReports: true
	},
	region_manager: {
		overrideStatus: false,
		triageFlag: false,
		scheduleConsultation: false,
		manageWorkflow: false,
		decideContact: false,
		restrictGuardian: false,
		runMeeting: false,
		writeReflection: false,
		readReports: true
	},
	partner: {
		overrideStatus: false,
		triageFlag: false,
		scheduleConsultation: false,
		manageWorkflow: false,
		decideContact: false,
		restrictGuardian: false,
		runMeeting: false,
		writeReflection: false,
		readReports: false
	},
	residential_staff: {
		overrideStatus: false,
		triageFlag: false,
		scheduleConsultation: false,
		manageWorkflow: false,
		decideContact: false,
		restrictGuardian: false,
		runMeeting: false,
		writeReflection: false,
		readReports: false
	},
	admin: {
		overrideStatus: false,
		triageFlag: false,
		scheduleConsultation: false,
		manageWorkflow: false,
		decideContact: false,
		restrictGuardian: false,
		runMeeting: false,
		writeReflection: false,
		readReports: false
	}
};

describe('permissions', () => {
	it('covers every role and every permission', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
		for (const role of ROLES)
			expect(Object.keys(EXPECTED[role]).sort()).toEqual(Object.keys(PERMISSIONS).sort());
	});
	const cases = ROLES.flatMap((role) =>
		(Object.keys(EXPECTED[role]) as Permission[]).map((p) => [p, role, EXPECTED[role][p]] as const)
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
