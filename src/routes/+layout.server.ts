import { navigationFor, primaryRole, type NavKey } from '$lib/domain/roles';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { SessionUser } from '$lib/server/auth';
import { unreadCount } from '$lib/server/features/notifications';
import type { LayoutServerLoad } from './$types';
import { database, type Db } from '$lib/server/http/authz';
import { savedNotice } from '$lib/server/http/notice';
import { isFamilyRoute } from '$lib/server/http/family';
import { chromeText, colourNames, languageChoice } from '$lib/server/words';

/**
 * Only the signed-in person's own name, roles and unread count: what the header needs; and
 * the notice after a saved action, read from `?saved=` and
 * `?caseload=` (only those parameters rerun this, not every query string).
 */
export const load: LayoutServerLoad = async ({ locals, depends, url, route }) => {
	depends('app:notifications');
	// The family's pages never show a staff header (ADR 041); theirs is their own layout's.
	const user = isFamilyRoute(route.id) ? null : locals.user;
	return {
		// The header's and footer's words, in this language only (ADR 028): every page has them.
		chrome: chromeText(),
		language: languageChoice(),
		colourNames: colourNames(),
		savedNotice: savedNotice(url.searchParams),
		user: user ? await signedIn(database(locals), user) : null
	};
};

/** The header of a signed-in person, its words made here (ADR 028). */
async function signedIn(db: Db, user: SessionUser) {
	const unread = await unreadCount(db, user.id);
	return {
		displayName: user.displayName,
		signedInAs: m.signed_in_as({ name: user.displayName }),
		nav: navigationFor(user.roles).map((key) => ({
			key,
			label: NAV_LABELS[key](),
			count: key === 'notifications' && unread ? unreadWords(unread) : null
		})),
		primaryRole: primaryRole(user.roles),
		unread,
		// The switch for a person in several teams (§2).
		teams: user.teams,
		teamId: user.teamId,
		teamSwitch:
			user.teams.length > 1 ? { label: m.team_switch_label(), button: m.team_switch() } : null
	};
}

/**
 * "31 unread" in the reader's language, kept by language and number: the message builds a
 * plural rule on every call, which cost more than the rest of the header (a fifth of a
 * millisecond on every page).
 */
const unreadLabels = new Map<string, string>();
function unreadWords(count: number): string {
	const key = `${getLocale()}:${count}`;
	let label = unreadLabels.get(key);
	if (label === undefined) {
		// Counts are small; the bound only keeps an odd one from growing it for ever.
		if (unreadLabels.size >= 5000) unreadLabels.clear();
		unreadLabels.set(key, (label = m.nav_unread({ count })));
	}
	return label;
}

const NAV_LABELS: Record<NavKey, () => string> = {
	home: m.nav_home,
	children: m.nav_children,
	intake: m.nav_intake,
	report: m.nav_report,
	receipts: m.nav_receipts,
	caseload: m.nav_caseload,
	meetings: m.nav_meetings,
	reports: m.nav_reports,
	flags: m.nav_flags,
	work: m.nav_work,
	team: m.nav_team,
	notifications: m.nav_notifications,
	admin_organisations: m.nav_admin_organisations,
	admin_teams: m.nav_admin_teams,
	admin_users: m.nav_admin_users,
	account: m.nav_account
};
