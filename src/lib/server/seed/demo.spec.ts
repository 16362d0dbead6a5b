import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../domain/roles';
import { login } from '../auth/login';
import { membership, organisation, user } from '../db/schema';
import { db } from '../testing/fixtures';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS, seedDemo } from './demo';

describe('demo data', () => {
	it('creates every organisation kind and one account per role, once', async () => {
		const d = await db();
		const first = await seedDemo(d);
		const again = await seedDemo(d);
		// With a shared DATABASE_URL another run may have seeded already.
		expect(first || !again).toBe(true);
		expect(again).toBe(false);

		const orgs = await d
			.select()
			.from(organisation)
			.where(
				inArray(
					organisation.name,
					DEMO_ORGS.map((o) => o.name)
				)
			);
		expect(new Set(orgs.map((o) => o.kind)).size).toBe(8);

		const rows = await d
			.select({ role: membership.role, email: user.email })
			.from(membership)
			.innerJoin(user, eq(user.id, membership.userId))
			.where(
				inArray(
					user.email,
					DEMO_USERS.map((u) => u.email)
				)
			);
		for (const role of ROLES) expect(rows.map((r) => r.role)).toContain(role);
	});

	it('lets each demo account sign in with the documented password', async () => {
		const d = await db();
		await seedDemo(d);
		const r = await login(d, {
			email: DEMO_USERS[0]!.email,
			password: DEMO_PASSWORD,
			clientAddress: null
		});
		expect(r.ok).toBe(true);
	});
});
