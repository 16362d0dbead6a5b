import type { Role } from '../domain/roles';
import { m } from '../paraglide/messages';

/** A role's name. Its own module, as the home page and the admin need only it. */
export function roleLabel(role: Role): string {
	switch (role) {
		case 'consultant_social_worker':
			return m.role_consultant_social_worker();
		case 'social_worker':
			return m.role_social_worker();
		case 'social_instructor':
			return m.role_social_instructor();
		case 'family_therapist':
			return m.role_family_therapist();
		case 'coordinator':
			return m.role_coordinator();
		case 'region_manager':
			return m.role_region_manager();
		case 'partner':
			return m.role_partner();
		case 'residential_staff':
			return m.role_residential_staff();
		case 'admin':
			return m.role_admin();
	}
}
