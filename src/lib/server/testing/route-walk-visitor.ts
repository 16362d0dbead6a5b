import { beforeAll, describe, expect, it } from 'vitest';
import { isPublicRoute } from '../http/gate';
import {
	discoverEntries,
	makeWorld,
	paramsFor,
	routeEvent,
	snapshot,
	type Entry
} from './route-walk';
import type { World } from './route-walk';
import { outcome } from './routes';

export type Visitor = 'anonymous' | 'admin' | 'ungranted';

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
	// A partner may report any child, known or new, to a team (§10): the form is open to it.
	ungranted: (e) => isPublicRoute(e.routeId) || ownThings(e) || e.routeId === '/intake/new'
};

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
 * a signed-out visitor, an administrator or a partner with no grant to the world's child.
 * Each must answer with a redirect, 403 or 404 and write nothing, except where OPEN says
 * the visitor may use the route (their own account, inbox, language, the admin pages, a
 * partner's notification form). One file per visitor, so the three run side by side.
 */
export function walkRoutesAs(visitor: Visitor) {
	const entries = discoverEntries();
	let world: World;
	beforeAll(async () => {
		world = await makeWorld();
	});
	const userOf = () =>
		visitor === 'anonymous'
			? null
			: visitor === 'admin'
				? world.users.admin
				: world.users.ungranted;

	describe(`as ${visitor}`, () => {
		it('walks every route found on disk', () => expect(entries.length).toBeGreaterThan(60));

		it.each(entries.map((e) => [`${e.routeId} ${e.name}`, e] as const))('%s', async (_, entry) => {
			const params = paramsFor(entry.routeId, world);
			const before = await snapshot();
			const event = await routeEvent(userOf(), entry, params);
			const result = await outcome(() => entry.fn(event));
			if (OPEN[visitor](entry)) {
				expect(result.status).toBeLessThan(500);
				return;
			}
			if (visitor === 'anonymous') {
				expect(result.status).toBe(303);
				expect((result as { location?: string }).location).toMatch(/^\/login/);
			} else {
				expect([403, 404]).toContain(result.status);
			}
			expect(await snapshot()).toBe(before);
		});
	});
}
