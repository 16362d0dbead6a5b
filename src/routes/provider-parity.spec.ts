import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { membership } from '$lib/server/db/schema';
import { db, makeProviderUser } from '$lib/server/testing/fixtures';
import {
	discoverEntries,
	makeWorld,
	paramsFor,
	routeEvent,
	type World
} from '$lib/server/testing/route-walk';
import { outcome } from '$lib/server/testing/routes';

/**
 * Staff signed in through the organisation's identity provider (DOMAIN §12) get what a
 * password user of the same role and team gets, no more and no less: every page found on
 * disk is loaded as each and the answers compared (loads only, so neither changes what the
 * other sees).
 */
const loads = discoverEntries().filter((e) => e.kind === 'load');
let world: World;
const twins: Record<string, { password: string; provider: string }> = {};

beforeAll(async () => {
	world = await makeWorld();
	const d = await db();
	for (const who of ['consultant', 'coordinator', 'granted'] as const) {
		const [ms] = await d.select().from(membership).where(eq(membership.userId, world.users[who]));
		const provider = await makeProviderUser(ms!.role, {
			organisationId: ms!.organisationId,
			teamId: ms!.teamId
		});
		twins[who] = { password: world.users[who], provider: provider.id };
	}
});

describe('a provider-signed person and their password twin', () => {
	it('walks every page found on disk', () => expect(loads.length).toBeGreaterThan(50));

	it.each(['consultant', 'coordinator', 'granted'])(
		'%s: the same answer on every page',
		async (who) => {
			const differ: string[] = [];
			for (const entry of loads) {
				const params = paramsFor(entry.routeId, world);
				const status = async (userId: string) =>
					(await outcome(async () => entry.fn(await routeEvent(userId, entry, params)))).status;
				const [a, b] = [await status(twins[who]!.password), await status(twins[who]!.provider)];
				if (a !== b) differ.push(`${entry.routeId}: password ${a}, provider ${b}`);
			}
			expect(differ).toEqual([]);
		}
	);
});
