import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { membership, organisation, user } from '../../db/schema';
import { db, makeOrg, makeTeam, makeUser, uniq } from '../../testing/fixtures';
import * as admin from './admin';
import { passwordLinkValid, setPasswordWithLink } from '../account/account';
import { ConflictError, FieldError } from '../../errors';
import { login } from '../../auth/login';
import { ForbiddenError } from '../../errors';

type AdminCtx = Parameters<typeof admin.addMembership>[1];
type MembershipRole = Parameters<typeof admin.addMembership>[2]['role'];

/** A membership as the admin adds it: who, in which organisation, which team (or none), as what. */
const addMembership = async (
	ctx: AdminCtx,
	userId: string,
	organisationId: string,
	teamId: string | null,
	role: MembershipRole
) => admin.addMembership(await db(), ctx, { userId, organisationId, teamId, role });

describe('admin services', () => {
	it('refuse a non-admin actor even if a route forgot to check', async () => {
		const { ctx } = await makeUser('consultant_social_worker');
		await expect(admin.listUsers(await db(), ctx)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			admin.createOrganisation(await db(), ctx, { name: `X ${uniq()}`, kind: 'school' })
		).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('refuse a stale organisation edit and keep the newer data', async () => {
		const { ctx } = await makeUser('admin');
		const d = await db();
		const org = await admin.createOrganisation(d, ctx, {
			name: `Koulu ${uniq()}`,
			kind: 'school'
		});
		await admin.updateOrganisation(d, ctx, org.id, {
			name: `${org.name} A`,
			kind: 'school',
			version: 1
		});
		const stale = admin.updateOrganisation(d, ctx, org.id, {
			name: `${org.name} B`,
			kind: 'school',
			version: 1
		});
		await expect(stale).rejects.toBeInstanceOf(ConflictError);
		const [now] = await d.select().from(organisation).where(eq(organisation.id, org.id));
		expect(now?.name).toBe(`${org.name} A`);
		expect(now?.version).toBe(2);
	});

	it('refuse a duplicate organisation name or e-mail as a field error', async () => {
		const { ctx } = await makeUser('admin');
		const d = await db();
		const name = `Neuvola ${uniq()}`;
		await admin.createOrganisation(d, ctx, { name, kind: 'child_health_clinic' });
		await expect(admin.createOrganisation(d, ctx, { name, kind: 'school' })).rejects.toMatchObject({
			fields: { name: expect.any(String) }
		});
		const email = `dup-${uniq()}@test.example`;
		await admin.createUser(d, ctx, { email, displayName: 'A', preferredLocale: 'fi' });
		await expect(
			admin.createUser(d, ctx, {
				email: email.toUpperCase(),
				displayName: 'B',
				preferredLocale: 'fi'
			})
		).rejects.toMatchObject({ fields: { email: expect.any(String) } });
	});

	it('put teams only in child-protection organisations', async () => {
		const { ctx } = await makeUser('admin');
		const school = await makeOrg('school');
		await expect(
			admin.createTeam(await db(), ctx, { organisationId: school.id, name: 'Tiimi' })
		).rejects.toBeInstanceOf(FieldError);
	});

	it('match roles to organisation kinds', async () => {
		const { ctx } = await makeUser('admin');
		const d = await db();
		const u = await admin.createUser(d, ctx, {
			email: `r-${uniq()}@test.example`,
			displayName: 'R',
			preferredLocale: 'fi'
		});
		const school = await makeOrg('school');
		const cp = await makeOrg('child_protection');
		const t = await makeTeam(cp.id);
		await expect(addMembership(ctx, u.id, school.id, null, 'social_worker')).rejects.toMatchObject({
			fields: { role: expect.any(String) }
		});
		await expect(addMembership(ctx, u.id, cp.id, null, 'social_worker')).rejects.toMatchObject({
			fields: { teamId: expect.any(String) }
		});
		await addMembership(ctx, u.id, cp.id, t.id, 'social_worker');
		await addMembership(ctx, u.id, school.id, null, 'partner');
		await expect(addMembership(ctx, u.id, school.id, null, 'partner')).rejects.toMatchObject({
			fields: { organisationId: expect.any(String) }
		});
	});

	it('keep admins apart from every other role (separation of duties)', async () => {
		const { ctx } = await makeUser('admin');
		const worker = await makeUser('social_worker');
		const anyOrg = await makeOrg('school');
		await expect(
			addMembership(ctx, worker.user.id, anyOrg.id, null, 'admin')
		).rejects.toMatchObject({ fields: { role: expect.any(String) } });
		const other = await makeUser('admin');
		await expect(
			addMembership(ctx, other.user.id, anyOrg.id, null, 'partner')
		).rejects.toMatchObject({ fields: { role: expect.any(String) } });
	});

	it('do not let an admin lock themselves out', async () => {
		const { ctx } = await makeUser('admin');
		await expect(admin.setUserActive(await db(), ctx, ctx.userId, false)).rejects.toBeInstanceOf(
			FieldError
		);
	});
});

describe('one-time password links', () => {
	it('set a password once, within 24 hours, and only the latest link works', async () => {
		const { ctx } = await makeUser('admin');
		const d = await db();
		const u = await admin.createUser(d, ctx, {
			email: `p-${uniq()}@test.example`,
			displayName: 'P',
			preferredLocale: 'fi'
		});
		const t0 = new Date();
		const first = await admin.issuePasswordLink(d, ctx, u.id, t0);
		const second = await admin.issuePasswordLink(d, ctx, u.id, t0);
		expect(await passwordLinkValid(d, first.token, t0)).toBeNull();
		expect(
			await passwordLinkValid(d, second.token, new Date(t0.getTime() + 25 * 3600_000))
		).toBeNull();
		expect(await passwordLinkValid(d, second.token, t0)).not.toBeNull();
		expect(await setPasswordWithLink(d, second.token, 'my own new passphrase', null, t0)).toBe(
			'set'
		);
		expect(await setPasswordWithLink(d, second.token, 'another passphrase!!', null, t0)).toBe(
			'invalid_link'
		);
		const [row] = await d.select().from(user).where(eq(user.id, u.id));
		const r = await login(d, {
			email: row!.email,
			password: 'my own new passphrase',
			clientAddress: null
		});
		expect(r.ok).toBe(true);
	});
});

describe('the user list', () => {
	it('pages by 50, accounts without a role first, each with its own memberships', async () => {
		const d = await db();
		const { ctx } = await makeUser('admin');
		// Enough users for two pages whatever the worker's database holds already.
		for (let i = 0; i < 51; i++) await makeUser('partner');
		const first = await admin.listUsers(d, ctx, 1);
		expect(first.rows).toHaveLength(50);
		expect(first.pages).toBe(Math.ceil(first.total / 50));
		const all = [];
		for (let p = 1; p <= first.pages; p++) all.push(...(await admin.listUsers(d, ctx, p)).rows);
		expect(all).toHaveLength(first.total);
		expect(new Set(all.map((u) => u.id)).size).toBe(first.total);
		// No role first: once a row has a membership, no later row is without one.
		const firstWithRole = all.findIndex((u) => u.memberships.length > 0);
		expect(all.slice(firstWithRole).every((u) => u.memberships.length > 0)).toBe(true);
		const [someone] = all.filter((u) => u.memberships.length > 0);
		const theirs = await d.select().from(membership).where(eq(membership.userId, someone!.id));
		expect(someone!.memberships.map((ms) => ms.role).sort()).toEqual(
			theirs.map((ms) => ms.role).sort()
		);
		// A page past the end is empty, not an error.
		expect((await admin.listUsers(d, ctx, first.pages + 1)).rows).toEqual([]);
	});
});
