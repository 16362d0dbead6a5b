import { navigationFor, primaryRole } from '$lib/domain/roles';
import { unreadCount } from '$lib/server/features/notifications';
import type { LayoutServerLoad } from './$types';
import { database } from '$lib/server/http/authz';

/** Only the signed-in person's own name, roles and unread count: what the header needs. */
export const load: LayoutServerLoad = async ({ locals, depends }) => {
	depends('app:notifications');
	const user = locals.user;
	return {
		user: user
			? {
					displayName: user.displayName,
					nav: navigationFor(user.roles),
					primaryRole: primaryRole(user.roles),
					unread: await unreadCount(await database(), user.id)
				}
			: null
	};
};
