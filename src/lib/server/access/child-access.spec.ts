import { describe, expect, it } from 'vitest';
import { makeWorld } from '../testing/route-walk';
import { db, staffContext } from '../testing/fixtures';
import { loadMemberships } from '../auth/session';
import { checkChildAccess, type ChildContext } from '.';

describe('ChildContext', () => {
	it('is made only by the access check: a hand-built one does not type-check', async () => {
		const world = await makeWorld();
		const d = await db();
		const viewer = staffContext(
			d,
			world.users.consultant,
			await loadMemberships(d, world.users.consultant),
			'test'
		);
		const ctx = await checkChildAccess(d, viewer, world.ids.childId, { action: 'read' });
		expect(ctx?.childId).toBe(world.ids.childId);
		expect(Object.isFrozen(ctx)).toBe(true);
		const forged = {
			childId: world.ids.childId,
			viewer,
			access: ctx!.access,
			actor: ctx!.actor
		};
		// @ts-expect-error -- the brand is missing: only checkChildAccess makes a ChildContext
		const notAllowed: ChildContext = forged;
		expect(notAllowed).toBe(forged);
	});
});
