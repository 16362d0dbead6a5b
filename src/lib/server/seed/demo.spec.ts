import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../domain/roles';
import { login } from '../auth/login';
import {
	assessmentRequest,
	child,
	childStatus,
	membership,
	organisation,
	user
} from '../db/schema';
import { db } from '../testing/fixtures';
import { DEMO_MUNICIPALITY, DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS, seedDemo } from './demo';

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

	it('dates each status at the newest assessment; requests go to school-aged children', async () => {
		const d = await db();
		await seedDemo(d);
		const rows = await d
			.select({ changedAt: childStatus.changedAt })
			.from(childStatus)
			.innerJoin(child, eq(child.id, childStatus.childId))
			.where(eq(child.homeMunicipality, DEMO_MUNICIPALITY));
		const days = new Set(
			rows.map((r) => Math.floor((Date.now() - r.changedAt.getTime()) / 86400_000))
		);
		expect(days.size).toBeGreaterThan(10);
		const school = await d
			.select({ born: child.dateOfBirth })
			.from(assessmentRequest)
			.innerJoin(child, eq(child.id, assessmentRequest.childId))
			.innerJoin(organisation, eq(organisation.id, assessmentRequest.organisationId))
			.where(eq(organisation.name, 'Koivurannan koulu'));
		expect(school.length).toBeGreaterThan(0);
		for (const r of school)
			expect(new Date().getFullYear() - Number(r.born.slice(0, 4))).toBeGreaterThanOrEqual(7);
	});
});
