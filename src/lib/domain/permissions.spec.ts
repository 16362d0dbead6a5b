import { describe, expect, it } from 'vitest';
import { ROLES } from './roles';
import { can, PERMISSIONS, type Permission } from './permissions';

describe('permissions', () => {
	const cases = Object.entries(PERMISSIONS).flatMap(([p, allowed]) =>
		ROLES.map((r) => [p as Permission, r, (allowed as readonly string[]).includes(r)] as const)
	);
	it.each(cases)('%s for %s → %s', (p, role, expected) => {
		expect(can(role, p)).toBe(expected);
	});
	it('only the consultant social worker overrides and triages', () => {
		expect(ROLES.filter((r) => can(r, 'overrideStatus'))).toEqual(['consultant_social_worker']);
		expect(ROLES.filter((r) => can(r, 'triageFlag'))).toEqual(['consultant_social_worker']);
	});
	it('nobody without a role may do anything', () => {
		expect(can(null, 'overrideStatus')).toBe(false);
	});
	it('admins may do none of it (separation of duties)', () => {
		for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(can('admin', p)).toBe(false);
	});
});
