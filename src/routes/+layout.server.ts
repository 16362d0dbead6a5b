import { navigationFor, primaryRole } from '$lib/domain/roles';
import { getDb } from '$lib/server/db';
import { unreadCount } from '$lib/server/services/notifications';
import type { LayoutServerLoad } from './$types';

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
					unread: await unreadCount(await getDb(), user.id)
				}
			: null
	};
};
