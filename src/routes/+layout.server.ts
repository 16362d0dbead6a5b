import { navigationFor, primaryRole } from '$lib/domain/roles';
import { unreadCount } from '$lib/server/features/notifications';
import type { LayoutServerLoad } from './$types';
import { database } from '$lib/server/http/authz';
import { savedNotice } from '$lib/server/http/notice';

/**
 * Only the signed-in person's own name, roles and unread count: what the header needs; and
 * the notice after a saved action, read from `?saved=` and
 * `?caseload=` (only those parameters rerun this, not every query string).
 */
export const load: LayoutServerLoad = async ({ locals, depends, url }) => {
	depends('app:notifications');
	const user = locals.user;
	return {
		savedNotice: savedNotice(url.searchParams),
		user: user
			? {
					displayName: user.displayName,
					nav: navigationFor(user.roles),
					primaryRole: primaryRole(user.roles),
					unread: await unreadCount(await database(), user.id),
					// The header's switch, for a person in several teams (§2).
					teams: user.teams,
					teamId: user.teamId
				}
			: null
	};
};
