import { navigationFor, primaryRole } from '$lib/domain/roles';
import type { LayoutServerLoad } from './$types';

/** Only the signed-in person's own name and roles: what the header needs. */
export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return {
		user: user
			? {
					displayName: user.displayName,
					nav: navigationFor(user.roles),
					primaryRole: primaryRole(user.roles)
				}
			: null
	};
};
