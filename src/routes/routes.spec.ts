import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { isFamilyRoute } from '$lib/server/http/family';
import { isPublicRoute, PUBLIC_ROUTES } from '$lib/server/http/gate';
import { db } from '$lib/server/testing/fixtures';
import {
	discoverEntries,
	makeWorld,
	snapshot,
	throughGate,
	type World
} from '$lib/server/testing/route-walk';

/**
 * The route walk itself (each visitor in routes-<visitor>.spec.ts): it finds every route on
 * disk, the hook's gate refuses the signed-out visitor, and the fingerprint that proves
 * "nothing changed" sees every kind of write.
 */
const entries = discoverEntries();

describe('the route walk finds the app', () => {
	it('discovers loads, actions and endpoints from the file system', () => {
		const names = entries.map((e) => `${e.routeId} ${e.name}`);
		expect(names).toContain('/children/[childId] load');
		expect(names).toContain('/children/[childId]/access-log GET');
		expect(names).toContain('/admin/users/[userId] addMembership');
		expect(entries.length).toBeGreaterThan(60);
	});
});

describe('the fingerprint of "nothing changed"', () => {
	let world: World;
	beforeAll(async () => {
		world = await makeWorld();
	});

	it('stays the same when nothing is written', async () => {
		const before = await snapshot();
		await (await db()).execute(sql`select * from child where id = ${world.ids.childId}`);
		expect(await snapshot()).toBe(before);
	});

	it('changes on an update that leaves the same values', async () => {
		const before = await snapshot();
		await (
			await db()
		).execute(sql`update child set given_name = given_name where id = ${world.ids.childId}`);
		expect(await snapshot()).not.toBe(before);
	});

	it('changes on an insert and on a delete', async () => {
		const d = await db();
		const before = await snapshot();
		await d.execute(
			sql`insert into notification (user_id, kind, link, created_at) values (${world.users.consultant}, 'flag_raised', '/flags', now())`
		);
		const inserted = await snapshot();
		expect(inserted).not.toBe(before);
		await d.execute(
			sql`delete from notification where id = (select id from notification where user_id = ${world.users.consultant} order by created_at desc limit 1)`
		);
		expect(await snapshot()).not.toBe(inserted);
	});

	it('does not change for a write that was rolled back', async () => {
		const before = await snapshot();
		await expect(
			(await db()).transaction(async (tx) => {
				await tx.execute(
					sql`update child set given_name = 'Muutettu' where id = ${world.ids.childId}`
				);
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');
		expect(await snapshot()).toBe(before);
	});
});

describe('the server hook refuses signed-out visitors outside the public list', () => {
	it('has a short public list', () => {
		expect([...PUBLIC_ROUTES].sort()).toEqual([
			'/family/login',
			'/family/login/callback',
			'/family/login/start',
			'/healthz',
			'/language',
			'/login',
			'/login/provider',
			'/login/provider/callback',
			'/metrics',
			'/readyz',
			'/set-password/[token]'
		]);
	});

	const routeIds = [...new Set(entries.map((e) => e.routeId))];
	it.each(routeIds.filter((id) => !isPublicRoute(id)))('%s', async (routeId) => {
		const { resolved, response } = await throughGate(routeId, {});
		expect(resolved).toBe(false);
		expect(response.status).toBe(303);
		// The family's pages send to the family's own sign-in (Suomi.fi), the rest to staff's.
		expect(response.headers.get('location')).toMatch(
			isFamilyRoute(routeId) ? /^\/family\/login\?next=/ : /^\/login\?next=/
		);
	});
});

describe('the server hook keeps a family session to the family’s pages (ADR 041)', () => {
	const family = { session: {} as never, person: { personId: crypto.randomUUID(), name: null } };
	const routeIds = [...new Set(entries.map((e) => e.routeId))];
	it.each(routeIds.filter((id) => !isPublicRoute(id)))('%s', async (routeId) => {
		const { resolved, response } = await throughGate(routeId, { family });
		if (isFamilyRoute(routeId)) expect(resolved).toBe(true);
		else {
			expect(resolved).toBe(false);
			expect(response.status).toBe(404);
		}
	});
});
