import { isHttpError, isRedirect } from '@sveltejs/kit';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '$lib/domain/roles';
import { membership, organisation, team, user } from '$lib/server/db/schema';
import { db, eventFor, makeOrg, makeTeam, makeUser, uniq } from '$lib/server/testing/fixtures';
import * as orgList from './organisations/+page.server';
import * as orgNew from './organisations/new/+page.server';
import * as orgEdit from './organisations/[organisationId]/+page.server';
import * as teamList from './teams/+page.server';
import * as teamNew from './teams/new/+page.server';
import * as teamEdit from './teams/[teamId]/+page.server';
import * as userList from './users/+page.server';
import * as userNew from './users/new/+page.server';
import * as userEdit from './users/[userId]/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

type Outcome =
	| { kind: 'redirect'; location: string }
	| { kind: 'error'; status: number }
	| { kind: 'data'; value: any };

async function run(fn: (e: any) => unknown, event: unknown): Promise<Outcome> {
	try {
		const value = await fn(event);
		if (value && typeof value === 'object' && 'status' in value && 'data' in value) {
			return { kind: 'error', status: (value as any).status };
		}
		return { kind: 'data', value };
	} catch (e) {
		if (isRedirect(e)) return { kind: 'redirect', location: e.location };
		if (isHttpError(e)) return { kind: 'error', status: e.status };
		throw e;
	}
}

async function deniedRows(requestId: string) {
	const d = await db();
	const res = await d.execute(
		sql`select outcome, action from access_log where request_id = ${requestId}`
	);
	return (Array.isArray(res) ? res : (res as any).rows) as { outcome: string }[];
}

let adminId: string;
let cpOrgId: string;
let schoolOrgId: string;
let teamId: string;
let targetUserId: string;
let targetMembershipId: string;
let targetEmail: string;

beforeAll(async () => {
	adminId = (await makeUser('admin')).user.id;
	cpOrgId = (await makeOrg('child_protection')).id;
	schoolOrgId = (await makeOrg('school')).id;
	teamId = (await makeTeam(cpOrgId)).id;
	const target = await makeUser('partner', { organisationId: schoolOrgId });
	targetUserId = target.user.id;
	targetMembershipId = target.membership.id;
	targetEmail = target.user.email;
});

type Case = {
	name: string;
	fn: () => (e: any) => unknown;
	params?: () => Record<string, string>;
	form?: () => Record<string, string>;
	/** What the admin gets: a redirect, or data. */
	allowed: 'redirect' | 'data';
	/** Something in the database that must not change when denied. */
	unchanged?: () => Promise<unknown>;
};

const snapshot = async () => {
	const d = await db();
	return {
		orgs: (await d.select().from(organisation).where(eq(organisation.id, schoolOrgId)))[0],
		teams: (await d.select().from(team).where(eq(team.id, teamId)))[0],
		user: (await d.select().from(user).where(eq(user.id, targetUserId)))[0],
		memberships: await d.select().from(membership).where(eq(membership.userId, targetUserId))
	};
};

const cases: Case[] = [
	{ name: 'list organisations', fn: () => orgList.load, allowed: 'data' },
	{ name: 'new organisation page', fn: () => orgNew.load, allowed: 'data' },
	{
		name: 'create organisation',
		fn: () => orgNew.actions.create!,
		form: () => ({ name: `Uusi koulu ${uniq()}`, kind: 'school', municipality: '' }),
		allowed: 'redirect'
	},
	{
		name: 'edit organisation page',
		fn: () => orgEdit.load,
		params: () => ({ organisationId: schoolOrgId }),
		allowed: 'data'
	},
	{
		name: 'save organisation',
		fn: () => orgEdit.actions.save!,
		params: () => ({ organisationId: schoolOrgId }),
		form: () => ({
			name: `Muutettu ${uniq()}`,
			kind: 'school',
			municipality: 'Järvelä',
			version: '1'
		}),
		allowed: 'redirect'
	},
	{ name: 'list teams', fn: () => teamList.load, allowed: 'data' },
	{ name: 'new team page', fn: () => teamNew.load, allowed: 'data' },
	{
		name: 'create team',
		fn: () => teamNew.actions.create!,
		form: () => ({ organisationId: cpOrgId, name: `Tiimi ${uniq()}` }),
		allowed: 'redirect'
	},
	{
		name: 'edit team page',
		fn: () => teamEdit.load,
		params: () => ({ teamId: teamId }),
		allowed: 'data'
	},
	{
		name: 'save team',
		fn: () => teamEdit.actions.save!,
		params: () => ({ teamId: teamId }),
		form: () => ({ name: `Tiimi ${uniq()}`, version: '1' }),
		allowed: 'redirect'
	},
	{ name: 'list users', fn: () => userList.load, allowed: 'data' },
	{ name: 'new user page', fn: () => userNew.load, allowed: 'data' },
	{
		name: 'create user',
		fn: () => userNew.actions.create!,
		form: () => ({
			email: `new-${uniq()}@test.example`,
			displayName: 'Uusi Käyttäjä',
			preferredLocale: 'fi'
		}),
		allowed: 'redirect'
	},
	{
		name: 'user page',
		fn: () => userEdit.load,
		params: () => ({ userId: targetUserId }),
		allowed: 'data'
	},
	{
		name: 'save user',
		fn: () => userEdit.actions.save!,
		params: () => ({ userId: targetUserId }),
		// The same e-mail: an account that reaches children keeps its address (ADR 012).
		form: () => ({
			email: targetEmail,
			displayName: 'Muutettu',
			preferredLocale: 'sv',
			version: '1'
		}),
		allowed: 'redirect'
	},
	{
		name: 'add membership',
		fn: () => userEdit.actions.addMembership!,
		params: () => ({ userId: targetUserId }),
		form: () => ({ organisationId: cpOrgId, teamId, role: 'social_worker' }),
		allowed: 'redirect'
	},
	{
		name: 'issue password link',
		fn: () => userEdit.actions.passwordLink!,
		params: () => ({ userId: targetUserId }),
		form: () => ({}),
		allowed: 'data'
	},
	{
		name: 'remove membership',
		fn: () => userEdit.actions.removeMembership!,
		params: () => ({ userId: targetUserId }),
		form: () => ({ membershipId: targetMembershipId }),
		allowed: 'redirect'
	},
	{
		name: 'deactivate user',
		fn: () => userEdit.actions.deactivate!,
		params: () => ({ userId: targetUserId }),
		form: () => ({}),
		allowed: 'redirect'
	},
	{
		name: 'activate user',
		fn: () => userEdit.actions.activate!,
		params: () => ({ userId: targetUserId }),
		form: () => ({}),
		allowed: 'redirect'
	}
];

const deniedRoles: Role[] = [
	'consultant_social_worker',
	'coordinator',
	'partner',
	'residential_staff'
];

describe('admin pages and actions', () => {
	describe.each(deniedRoles)('denied to %s', (role) => {
		it.each(cases)('$name: 403, logged as denied, nothing changes', async (c) => {
			const { user: u } = await makeUser(role);
			const before = await snapshot();
			const event = await eventFor(u.id, { params: c.params?.(), form: c.form?.() });
			const out = await run(c.fn(), event);
			expect(out).toEqual({ kind: 'error', status: 403 });
			expect(await deniedRows(event.locals.requestId)).toEqual([
				expect.objectContaining({ outcome: 'denied' })
			]);
			expect(await snapshot()).toEqual(before);
		});
	});

	it.each(cases.map((c) => c.name))('signed-out visitor is sent to login: %s', async (name) => {
		const c = cases.find((x) => x.name === name)!;
		const event = await eventFor(null, { params: c.params?.(), form: c.form?.() });
		const out = await run(c.fn(), event);
		expect(out).toMatchObject({ kind: 'redirect' });
		expect((out as { location: string }).location).toMatch(/^\/login/);
	});

	// Sequential on purpose: later cases (remove, deactivate) build on earlier ones.
	it('are all allowed to the admin, in order', async () => {
		for (const c of cases) {
			const event = await eventFor(adminId, { params: c.params?.(), form: c.form?.() });
			const out = await run(c.fn(), event);
			expect(out.kind, c.name).toBe(c.allowed);
		}
		const after = await snapshot();
		expect(after.user?.active).toBe(true);
		expect(after.user?.preferredLocale).toBe('sv');
		expect(after.memberships.map((x) => x.role)).toEqual(['social_worker']);
	});
});

describe("an organisation's emergency number (§6)", () => {
	it('is kept when written as a number, refused otherwise, and empty means none', async () => {
		const d = await db();
		const adminId = (await makeUser('admin')).user.id;
		const create = async (emergencyPhone: string) => {
			const name = `Lastensuojelu ${uniq()}`;
			const event = await eventFor(adminId, {
				form: { name, kind: 'child_protection', municipality: '', emergencyPhone }
			});
			const out = await run(orgNew.actions.create! as any, event);
			const [row] = await d.select().from(organisation).where(eq(organisation.name, name));
			return { out, row };
		};
		const good = await create('+358 9 123 4567');
		expect(good.out.kind).toBe('redirect');
		expect(good.row?.emergencyPhone).toBe('+358 9 123 4567');
		const none = await create('');
		expect(none.row?.emergencyPhone).toBeNull();
		const bad = await create('soita Maijalle');
		expect(bad.out).toMatchObject({ kind: 'error', status: 400 });
		expect(bad.row).toBeUndefined();
	});
});

describe("an organisation's days to the first client plan (§10)", () => {
	it('is kept as whole days 1–90, 30 when not given, refused otherwise', async () => {
		const d = await db();
		const adminId = (await makeUser('admin')).user.id;
		const create = async (days: string | undefined) => {
			const name = `Lastensuojelu ${uniq()}`;
			const form: Record<string, string> = { name, kind: 'child_protection', municipality: '' };
			if (days !== undefined) form.firstClientPlanDays = days;
			const out = await run(orgNew.actions.create! as any, await eventFor(adminId, { form }));
			const [row] = await d.select().from(organisation).where(eq(organisation.name, name));
			return { out, row };
		};
		expect((await create('14')).row?.firstClientPlanDays).toBe(14);
		expect((await create(undefined)).row?.firstClientPlanDays).toBe(30);
		for (const bad of ['0', '91', '7.5', 'kaksi'])
			expect((await create(bad)).row, bad).toBeUndefined();
	});
});
