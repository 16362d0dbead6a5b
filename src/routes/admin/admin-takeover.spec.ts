import { eq } from 'drizzle-orm';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readEnv } from '$lib/server/env';
import { log as serverLog } from '$lib/server/log';
import { mailTransport, processOutbox } from '$lib/server/mail/outbox';
import { loadMemberships } from '$lib/server/auth/session';
import { membership, notification, passwordToken, session, user } from '$lib/server/db/schema';
import {
	db,
	eventFor,
	makeChild,
	makeOrg,
	makeTeam,
	makeUser,
	uniq
} from '$lib/server/testing/fixtures';
import { logRows, outcome } from '$lib/server/testing/routes';
import * as children from '../children/+page.server';
import * as team from '../team/+page.server';
import * as userNew from './users/new/+page.server';
import * as userEdit from './users/[userId]/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/**
 * The two ways an administrator reached child data (docs/domain.md §2): a new account given a team
 * role, and a set-password link for an existing team member. Both fail by design now.
 */
let adminId: string;
let cpId: string;
let teamId: string;
let otherTeamId: string;
let consultantId: string;
let otherConsultantId: string;
let memberId: string;

beforeAll(async () => {
	adminId = (await makeUser('admin')).user.id;
	cpId = (await makeOrg('child_protection')).id;
	teamId = (await makeTeam(cpId)).id;
	otherTeamId = (await makeTeam(cpId)).id;
	consultantId = (await makeUser('consultant_social_worker', { organisationId: cpId, teamId })).user
		.id;
	otherConsultantId = (
		await makeUser('consultant_social_worker', { organisationId: cpId, teamId: otherTeamId })
	).user.id;
	memberId = (await makeUser('social_worker', { organisationId: cpId, teamId })).user.id;
	await makeChild(teamId, { givenName: 'Salainen', dateOfBirth: '2014-04-04' });
});

const asAdmin = (opts: Parameters<typeof eventFor>[1]) => eventFor(adminId, opts);

describe('an admin cannot reach child data by making an account', () => {
	let newUserId: string;
	let pendingId: string;

	it('a team role given by the admin waits for the team’s consultant and gives nothing', async () => {
		const email = `attacker-${uniq()}@test.example`;
		const created = await outcome(async () =>
			userNew.actions.create!(
				(await asAdmin({
					form: { email, displayName: 'Uusi Tekijä', preferredLocale: 'fi' }
				})) as any
			)
		);
		expect(created.status).toBe(303);
		newUserId = created.location!.split('/')[3]!.split('?')[0]!;
		const added = await outcome(async () =>
			userEdit.actions.addMembership!(
				(await asAdmin({
					params: { userId: newUserId },
					form: { organisationId: cpId, teamId, role: 'social_worker' }
				})) as any
			)
		);
		expect(added.status).toBe(303);
		const d = await db();
		const [ms] = await d.select().from(membership).where(eq(membership.userId, newUserId));
		expect(ms?.approvedAt).toBeNull();
		pendingId = ms!.id;
		// Even with a password (however obtained) the account sees no child.
		expect(await loadMemberships(d, newUserId)).toEqual([]);
		await d.update(user).set({ passwordHash: 'x' }).where(eq(user.id, newUserId));
		const list = await outcome(async () => children.load((await eventFor(newUserId)) as any));
		expect(list.status).toBe(403);
		// The team's consultant was told.
		const told = await d.select().from(notification).where(eq(notification.userId, consultantId));
		expect(told.map((n) => n.kind)).toContain('membership_pending');
	});

	it('the set-password link is never on the admin’s page; it goes to the person', async () => {
		// Every level of the server's log is watched: the link must not reach any of them.
		const logged = (['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const).map((level) =>
			vi.spyOn(serverLog, level)
		);
		const r = await outcome(async () =>
			userEdit.actions.passwordLink!((await asAdmin({ params: { userId: newUserId } })) as any)
		);
		expect(r.status).toBe(200);
		const shown = JSON.stringify(r.value);
		expect(shown).not.toMatch(/set-password/);
		expect(shown).not.toMatch(/[a-z2-7]{32}/);
		expect(r.value.passwordLinkSent.delivery).toBe('folder');
		// Without a mail server the worker writes it to the owner-only mail folder (ADR 032).
		const folder = process.env.MAIL_DIR!;
		// (Other files' pending mail shares this database: take it all, then find this one.)
		await processOutbox(await db(), mailTransport(readEnv()), new Date(), 10_000);
		const [person] = await (await db()).select().from(user).where(eq(user.id, newUserId));
		const files = readdirSync(folder).filter((f) => f.endsWith('.txt'));
		const mails = files
			.map((f) => readFileSync(join(folder, f), 'utf8'))
			.filter((x) => x.includes(`To: ${person!.email}\n`));
		expect(mails).toHaveLength(1);
		expect(mails[0]).toMatch(/\/set-password\/[a-z2-7]{20,}/i);
		for (const f of files) expect(statSync(join(folder, f)).mode & 0o777).toBe(0o600);
		expect(statSync(folder).mode & 0o777).toBe(0o700);
		const calls = JSON.stringify(logged.flatMap((spy) => spy.mock.calls));
		expect(calls).not.toMatch(/set-password/);
		for (const spy of logged) spy.mockRestore();
		const d = await db();
		const tokens = await d.select().from(passwordToken).where(eq(passwordToken.userId, newUserId));
		expect(tokens).toHaveLength(1);
		const told = await d.select().from(notification).where(eq(notification.userId, newUserId));
		expect(told.map((n) => n.kind)).toContain('password_link');
	});

	it('only the consultant of that team approves: not another team’s, not a colleague, not an admin', async () => {
		const form = { membershipId: pendingId };
		const other = await outcome(async () =>
			team.actions.approve!((await eventFor(otherConsultantId, { form })) as any)
		);
		expect(other.status).toBe(404);
		const colleague = await outcome(async () =>
			team.actions.approve!((await eventFor(memberId, { form })) as any)
		);
		expect(colleague.status).toBe(403);
		const adminTry = await eventFor(adminId, { form });
		expect((await outcome(() => team.actions.approve!(adminTry as any))).status).toBe(403);
		expect(await logRows(adminTry.locals.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'denied' })
		);
		expect(await loadMemberships(await db(), newUserId)).toEqual([]);

		const ok = await outcome(async () =>
			team.actions.approve!((await eventFor(consultantId, { form })) as any)
		);
		expect(ok.status).toBe(303);
		const now = await loadMemberships(await db(), newUserId);
		expect(now.map((x) => x.role)).toEqual(['social_worker']);
		const list = await outcome(async () => children.load((await eventFor(newUserId)) as any));
		expect(list.status).toBe(200);
	});
});

describe('an admin cannot take over a team member’s account', () => {
	it('issuing a link ends the member’s sessions and shows the admin nothing', async () => {
		const d = await db();
		const before = await eventFor(memberId);
		expect(before.locals.session).not.toBeNull();
		const r = await outcome(async () =>
			userEdit.actions.passwordLink!((await asAdmin({ params: { userId: memberId } })) as any)
		);
		expect(JSON.stringify(r.value)).not.toMatch(/set-password|[a-z2-7]{32}/);
		expect(await d.select().from(session).where(eq(session.userId, memberId))).toEqual([]);
	});

	it('the member’s e-mail cannot be changed to the admin’s own address', async () => {
		const d = await db();
		const [m0] = await d.select().from(user).where(eq(user.id, memberId));
		const r = await outcome(async () =>
			userEdit.actions.save!(
				(await asAdmin({
					params: { userId: memberId },
					form: {
						email: `admin-mailbox-${uniq()}@test.example`,
						displayName: m0!.displayName,
						preferredLocale: 'fi',
						version: String(m0!.version)
					}
				})) as any
			)
		);
		expect(r.status).toBe(400);
		const [m1] = await d.select().from(user).where(eq(user.id, memberId));
		expect(m1!.email).toBe(m0!.email);
	});

	it('an admin account can hold no team or partner role', async () => {
		const r = await outcome(async () =>
			userEdit.actions.addMembership!(
				(await asAdmin({
					params: { userId: adminId },
					form: { organisationId: cpId, teamId, role: 'consultant_social_worker' }
				})) as any
			)
		);
		expect(r.status).toBe(400);
		expect((await loadMemberships(await db(), adminId)).map((x) => x.role)).toEqual(['admin']);
	});
});
