import { beforeAll, describe, expect, it } from 'vitest';
import { isPublicRoute, PUBLIC_ROUTES } from '$lib/server/http/gate';
import { outcome } from '$lib/server/testing/routes';
import {
	discoverEntries,
	makeWorld,
	paramsFor,
	routeEvent,
	snapshot,
	throughGate,
	type Entry,
	type World
} from '$lib/server/testing/route-walk';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers generically */

/**
 * Every load, action and endpoint, discovered from the file system, called as a signed-out
 * visitor, as an administrator and as a partner with no grant to the world's child. Each
 * must answer with a redirect, 403 or 404 and write nothing, except where the table below
 * says the visitor may use the route (their own account, inbox, language, the admin pages,
 * a partner's notification form).
 */
const entries = discoverEntries();

type Visitor = 'anonymous' | 'admin' | 'ungranted';

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

let world: World;
beforeAll(async () => {
	world = await makeWorld();
});

const userOf = (v: Visitor) =>
	v === 'anonymous' ? null : v === 'admin' ? world.users.admin : world.users.ungranted;

describe('the route walk finds the app', () => {
	it('discovers loads, actions and endpoints from the file system', () => {
		const names = entries.map((e) => `${e.routeId} ${e.name}`);
		expect(names).toContain('/children/[childId] load');
		expect(names).toContain('/children/[childId]/access-log GET');
		expect(names).toContain('/admin/users/[userId] addMembership');
		expect(entries.length).toBeGreaterThan(60);
	});
});

describe('the server hook refuses signed-out visitors outside the public list', () => {
	it('has a short public list', () => {
		expect([...PUBLIC_ROUTES].sort()).toEqual([
			'/healthz',
			'/language',
			'/login',
			'/readyz',
			'/set-password/[token]'
		]);
	});

	const routeIds = [...new Set(entries.map((e) => e.routeId))];
	it.each(routeIds.filter((id) => !isPublicRoute(id)))('%s', async (routeId) => {
		const { resolved, response } = await throughGate(routeId, {});
		expect(resolved).toBe(false);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/login\?next=/);
	});
});

describe.each(['anonymous', 'admin', 'ungranted'] as const)('as %s', (visitor) => {
	it.each(entries.map((e) => [`${e.routeId} ${e.name}`, e] as const))('%s', async (_, entry) => {
		const params = paramsFor(entry.routeId, world);
		const before = await snapshot();
		const event = await routeEvent(userOf(visitor), entry, params);
		const result = await outcome(() => entry.fn(event));
		if (OPEN[visitor](entry)) {
			expect(result.status).toBeLessThan(500);
			return;
		}
		if (visitor === 'anonymous') {
			expect(result.status).toBe(303);
			expect((result as any).location).toMatch(/^\/login/);
		} else {
			expect([403, 404]).toContain(result.status);
		}
		expect(await snapshot()).toBe(before);
	});
});
