import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accessLog, accessGrant } from '../../db/schema';
import {
	db,
	loggedItems,
	makeAssessmentRequest,
	makeChild,
	makeChildren,
	makeGrant,
	makeOrg,
	makePlacement,
	makeUser,
	staffOf,
	makeTeamScene,
	makePartner
} from '../../testing/fixtures';
import { ForbiddenError } from '../../errors';
import { INBOX_PAGE_SIZE, partnerInbox } from './grants';

/** A school that sees `n` children of one team by bulk grants (one insert each). */
async function schoolWith(n: number) {
	const d = await db();
	const { team: t, users } = await makeTeamScene(['social_worker']);
	const worker = users.social_worker!;
	const { org: school, userId: teacher } = await makePartner('school');
	const run = Math.random().toString(36).slice(2, 8);
	const kids = await makeChildren(t.id, n, (i) => ({
		givenName: `Etu${i}`,
		familyName: `Suku-${run}-${String(i).padStart(5, '0')}`,
		dateOfBirth: '2014-05-05'
	}));
	const today = new Date().toISOString().slice(0, 10);
	for (let i = 0; i < kids.length; i += 2000)
		await d.insert(accessGrant).values(
			kids.slice(i, i + 2000).map((k) => ({
				childId: k.id,
				organisationId: school.id,
				basis: 'statutory_request' as const,
				validFrom: '2020-01-01',
				validUntil: '2099-12-31',
				grantedBy: worker,
				grantedAt: new Date(`${today}T00:00:00Z`)
			}))
		);
	return { d, t, worker, school: school.id, teacher, kids, run };
}

const listRows = async (userId: string, requestId: string) =>
	(await loggedItems(requestId)).filter((r) => r.actorUserId === userId && r.action === 'list');

describe("a partner's home, one page at a time (issue 13)", () => {
	it('shows 50 children per page in name order, the total, and logs only those shown', async () => {
		const s = await schoolWith(INBOX_PAGE_SIZE + 7);
		const viewer = await staffOf(s.teacher);
		const first = await partnerInbox(s.d, viewer, { page: 1 });
		expect(first.total).toBe(INBOX_PAGE_SIZE + 7);
		expect(first.pages).toBe(2);
		expect(first.children).toHaveLength(INBOX_PAGE_SIZE);
		expect(first.children[0]!.familyName).toBe(s.kids[0]!.familyName);
		const rows = await listRows(s.teacher, viewer.requestId!);
		expect(rows.filter((r) => r.entityType === 'child')).toHaveLength(INBOX_PAGE_SIZE);

		const viewer2 = await staffOf(s.teacher);
		const second = await partnerInbox(s.d, viewer2, { page: 2 });
		expect(second.children.map((c) => c.familyName)).toEqual(
			s.kids.slice(INBOX_PAGE_SIZE).map((k) => k.familyName)
		);
		expect(await listRows(s.teacher, viewer2.requestId!)).toHaveLength(7);
		// Past the end: an empty page, not an error.
		expect((await partnerInbox(s.d, await staffOf(s.teacher), { page: 99 })).children).toEqual([]);
	});

	it('finds children by the start of either name, wildcards taken literally', async () => {
		const s = await schoolWith(3);
		const viewer = await staffOf(s.teacher);
		const found = await partnerInbox(s.d, viewer, { page: 1, name: `suku-${s.run}-00001` });
		expect(found.children.map((c) => c.familyName)).toEqual([s.kids[1]!.familyName]);
		expect(found.name).toBe(`suku-${s.run}-00001`);
		expect((await partnerInbox(s.d, viewer, { page: 1, name: 'Etu2' })).children).toHaveLength(1);
		expect((await partnerInbox(s.d, viewer, { page: 1, name: '%' })).total).toBe(0);
	});

	it('hides revoked, expired and not-yet-valid grants, and a unit sees placements only', async () => {
		const d = await db();
		const { team: t, users } = await makeTeamScene(['social_worker']);
		const worker = users.social_worker!;
		const { org: school, userId: teacher } = await makePartner('school');
		const [seen, revoked, expired, future] = [
			await makeChild(t.id),
			await makeChild(t.id),
			await makeChild(t.id),
			await makeChild(t.id)
		];
		await makeGrant(seen.id, school.id, worker);
		await makeGrant(revoked.id, school.id, worker, { revokedAt: new Date() });
		await makeGrant(expired.id, school.id, worker, {
			validFrom: '2020-01-01',
			validUntil: '2020-12-31'
		});
		await makeGrant(future.id, school.id, worker, { validFrom: '2999-01-01' });
		const inbox = await partnerInbox(d, await staffOf(teacher));
		expect(inbox.children.map((c) => c.id)).toEqual([seen.id]);

		const unit = await makeOrg('residential_unit');
		const staff = (await makeUser('residential_staff', { organisationId: unit.id })).user.id;
		const placed = await makeChild(t.id);
		await makePlacement(placed.id, unit.id, worker);
		await makeGrant(seen.id, unit.id, worker, { basis: 'consent' });
		expect((await partnerInbox(d, await staffOf(staff))).children.map((c) => c.id)).toEqual([
			placed.id
		]);
	});

	it('lists the 50 open requests due soonest and counts them all', async () => {
		const s = await schoolWith(INBOX_PAGE_SIZE + 5);
		for (const [i, k] of s.kids.entries())
			await makeAssessmentRequest(k.id, s.school, s.worker, {
				dueDate: `2030-01-${String((i % 28) + 1).padStart(2, '0')}`
			});
		const inbox = await partnerInbox(s.d, await staffOf(s.teacher));
		expect(inbox.requestTotal).toBe(INBOX_PAGE_SIZE + 5);
		expect(inbox.requests).toHaveLength(INBOX_PAGE_SIZE);
		const due = inbox.requests.map((r) => r.dueDate);
		expect(due).toEqual([...due].sort());
	});

	it('refuses a team worker', async () => {
		const s = await schoolWith(1);
		await expect(partnerInbox(s.d, await staffOf(s.worker))).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('answers for an organisation that sees 7,000 children (no parameter limit)', async () => {
		const s = await schoolWith(7000);
		const viewer = await staffOf(s.teacher);
		const inbox = await partnerInbox(s.d, viewer, { page: 140 });
		expect(inbox.total).toBe(7000);
		expect(inbox.children).toHaveLength(INBOX_PAGE_SIZE);
		const [n] = await s.d
			.select({ n: sql<number>`count(*)`.mapWith(Number) })
			.from(accessLog)
			.where(eq(accessLog.requestId, viewer.requestId!));
		// One row for the list view, naming the 50 children shown (ADR 026).
		expect(n!.n).toBe(1);
		expect((await loggedItems(viewer.requestId!)).map((r) => r.childId)).toEqual(
			inbox.children.map((c) => c.id)
		);
	}, 60_000);
});
