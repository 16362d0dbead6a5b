import { expect } from 'vitest';
import { isFamilyRoute } from '../http/family';
import { isPublicRoute } from '../http/gate';
import {
	discoverEntries,
	routeEvent,
	snapshot,
	throughGate,
	walkEntries,
	type Entry,
	type World
} from './route-walk';
import { outcome } from './routes';

export type Visitor =
	| 'anonymous'
	| 'admin'
	| 'ungranted'
	| 'notifier'
	| 'providerUngranted'
	| 'providerPending'
	| 'guardian'
	| 'youngPerson';

/** Signed in with Suomi.fi (DOMAIN §11–12): the family's own pages and nothing else. */
const FAMILY_VISITORS: readonly Visitor[] = ['guardian', 'youngPerson'];

/**
 * Routes a visitor may use: each answers without a 5xx (an admin action on a user may
 * change that user; that is the admin's job). Everything else is refused and changes nothing.
 */
const OPEN: Record<Visitor, (e: Entry) => boolean> = {
	anonymous: (e) =>
		isPublicRoute(e.routeId) ||
		(e.routeId === '/' && e.file.includes('+layout')) ||
		// Only sends the visitor home (the hook has already refused the signed-out one).
		(e.routeId === '/logout' && e.kind === 'load'),
	admin: (e) => isPublicRoute(e.routeId) || ownThings(e) || e.routeId.startsWith('/admin'),
	// A partner may report any child, known or new, to a team (§10): the form is open to it,
	// and so is its own list of receipts (empty here).
	ungranted: (e) =>
		isPublicRoute(e.routeId) ||
		ownThings(e) ||
		e.routeId === '/intake/new' ||
		e.routeId === '/intake/sent',
	// The organisation that filed a notification on the child: its receipt, and nothing of
	// the child's record (§3).
	notifier: (e) =>
		isPublicRoute(e.routeId) ||
		ownThings(e) ||
		['/intake/new', '/intake/sent', '/intake/sent/[contactId]'].includes(e.routeId),
	// Signed in through the provider: the same as the password partner of the same kind.
	providerUngranted: (e) => OPEN.ungranted(e),
	// A first sign-in through the provider, no membership yet: its own things, nothing else.
	providerPending: (e) => isPublicRoute(e.routeId) || ownThings(e),
	// A guardian recorded on the world's child, and the child (14) themself: the family's
	// pages of that child, and the header (which shows them no staff navigation).
	guardian: (e) => familyOwn(e),
	youngPerson: (e) => familyOwn(e)
};

function familyOwn(e: Entry) {
	return (
		isPublicRoute(e.routeId) ||
		isFamilyRoute(e.routeId) ||
		(e.routeId === '/' && e.file.includes('+layout'))
	);
}

/** The signed-in person's own things: home, header, account, inbox, sign-out, own codes. */
function ownThings(e: Entry) {
	return [
		'/',
		'/account',
		'/notifications',
		'/logout',
		'/login/code',
		'/login/setup',
		'/reauth'
	].includes(e.routeId);
}

/**
 * Every load, action and endpoint, discovered from the file system, called as one visitor:
 * a signed-out visitor, an administrator, a partner with no grant to the world's child, or
 * the organisation that filed a notification on it (which gets a receipt, not the record).
 * Each must answer with a redirect, 403 or 404 and write nothing, except where OPEN says
 * the visitor may use the route (their own account, inbox, language, the admin pages, a
 * partner's notification form). One file per visitor, so the three run side by side.
 */
export function walkRoutesAs(visitor: Visitor) {
	const family = FAMILY_VISITORS.includes(visitor);
	const userOf = (world: World) =>
		visitor === 'anonymous' || family ? null : world.users[visitor as keyof World['users']];
	const familyOf = (world: World) =>
		family ? world.family[visitor as keyof World['family']] : undefined;

	walkEntries(
		`as ${visitor}`,
		{ found: discoverEntries(), atLeast: 60, what: 'route found on disk' },
		async (entry, world, params) => {
			const before = await snapshot();
			const event = await routeEvent(userOf(world), entry, params, undefined, familyOf(world));
			const result = await outcome(() => entry.fn(event));
			if (OPEN[visitor](entry)) {
				expect(result.status).toBeLessThan(500);
				// The notifier's own receipt opens: the walk's one allowed read of this child.
				if (visitor === 'notifier' && entry.routeId === '/intake/sent/[contactId]')
					expect(result.status).toBe(200);
				return;
			}
			if (family) {
				// The hook's gate answers 404 before any load; the load itself refuses too.
				const gated = await throughGate(entry.routeId, { family: event.locals.family });
				expect(gated.response.status).toBe(404);
				expect([303, 403, 404]).toContain(result.status);
			} else if (visitor === 'anonymous') {
				expect(result.status).toBe(303);
				expect((result as { location?: string }).location).toMatch(
					isFamilyRoute(entry.routeId) ? /^\/family\/login/ : /^\/login/
				);
			} else {
				expect([403, 404]).toContain(result.status);
			}
			expect(await snapshot()).toBe(before);
		}
	);
}
