import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDate } from '$lib/domain/access';
import { makeHetu } from '$lib/domain/hetu';
import { guardian, notification } from '$lib/server/db/schema';
import { remindRestrictionReviews } from '$lib/server/features/family';
import { db, makeChild, makeGrant, makePartner, makeTeamScene } from '$lib/server/testing/fixtures';
import { callAs, logRows } from '$lib/server/testing/routes';
import * as page from './+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/**
 * The child's guardians (docs/domain.md §11, issue 36): the team records and ends them; a
 * partner, even one with a grant to the child, never reaches them; every read and write
 * is logged.
 */
const u: Record<string, string> = {};
let childId: string;
const CODE = makeHetu('1985-05-20', 456);

beforeAll(async () => {
	const scene = await makeTeamScene(['social_worker', 'coordinator']);
	Object.assign(u, scene.users);
	const school = await makePartner('school');
	u.partner = school.userId;
	u.stranger = (await makePartner('school')).userId;
	childId = (await makeChild(scene.teamId)).id;
	await makeGrant(childId, school.organisationId, u.social_worker!);
});

const params = () => ({ childId });
const add = (who: string, form: Record<string, string>) =>
	callAs(u[who]!, page.actions.addGuardian as any, { params: params(), form });
const stored = async () =>
	(await db()).select().from(guardian).where(eq(guardian.childId, childId));

describe('guardians on the child (team roles)', () => {
	it('the team records one: stored with the code normalised, shown masked, logged', async () => {
		const r = await add('social_worker', {
			name: 'Maija Meikäläinen',
			identityCode: CODE.toLowerCase(),
			locale: 'sv'
		});
		expect(r).toMatchObject({
			status: 303,
			location: `/children/${childId}/guardians?saved=guardian_added`
		});
		expect(await logRows(r.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'allowed', action: 'create', entity_type: 'guardian' })
		);
		const [row] = await stored();
		expect(row).toMatchObject({ name: 'Maija Meikäläinen', identityCode: CODE, locale: 'sv' });
		const shown = await callAs(u.coordinator!, page.load as any, { params: params() });
		expect(shown.status).toBe(200);
		expect(shown.value.guardians).toEqual([
			expect.objectContaining({
				name: 'Maija Meikäläinen',
				identityCode: `${CODE.slice(0, 7)}****`
			})
		]);
		expect(JSON.stringify(shown.value)).not.toContain(CODE);
		expect(await logRows(shown.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'allowed', action: 'read', entity_type: 'guardian' })
		);
	});

	it('refuses an invalid code, a missing name and the same person twice, changing nothing', async () => {
		const before = (await stored()).length;
		const bad = await add('social_worker', {
			name: 'X Y',
			identityCode: '010101-0000',
			locale: 'fi'
		});
		expect(bad.status).toBe(400);
		expect(bad.data.guardian.errors.identityCode).toBeTruthy();
		const noName = await add('social_worker', { name: ' ', identityCode: CODE, locale: 'fi' });
		expect(noName.status).toBe(400);
		const twice = await add('social_worker', { name: 'Maija M', identityCode: CODE, locale: 'fi' });
		expect(twice.status).toBe(400);
		expect(twice.data.guardian.errors.identityCode).toEqual([
			'Tämä henkilö on jo lapsen huoltaja.'
		]);
		expect((await stored()).length).toBe(before);
	});

	it('ends custody from the version shown; the record stays; the person may be added again', async () => {
		const [row] = (await stored()).filter((g) => !g.endedAt);
		const stale = await callAs(u.social_worker!, page.actions.endGuardian as any, {
			params: params(),
			form: { guardianId: row!.id, version: String(row!.version + 1) }
		});
		expect(stale.status).toBe(409);
		const r = await callAs(u.social_worker!, page.actions.endGuardian as any, {
			params: params(),
			form: { guardianId: row!.id, version: String(row!.version) }
		});
		expect(r).toMatchObject({ status: 303 });
		const [ended] = (await stored()).filter((g) => g.id === row!.id);
		expect(ended!.endedAt).not.toBeNull();
		expect(ended!.endedBy).toBe(u.social_worker);
		const again = await add('social_worker', { name: 'Maija M', identityCode: CODE, locale: 'fi' });
		expect(again.status).toBe(303);
		expect(await stored()).toHaveLength(2);
	});

	it('a malformed end is a 400, not a 5xx', async () => {
		const r = await callAs(u.social_worker!, page.actions.endGuardian as any, {
			params: params(),
			form: { guardianId: 'not-a-uuid', version: 'x' }
		});
		expect(r.status).toBe(400);
	});
});

describe('guardians are refused to partners', () => {
	it.each([
		['partner', 'with a grant to the child'],
		['stranger', 'without one']
	])('%s (%s): refused, logged, nothing written', async (who) => {
		const before = (await stored()).length;
		const read = await callAs(u[who]!, page.load as any, { params: params() });
		expect([403, 404]).toContain(read.status);
		expect(await logRows(read.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'denied' })
		);
		const write = await add(who, {
			name: 'Toinen',
			identityCode: makeHetu('1980-01-01', 222),
			locale: 'fi'
		});
		expect([403, 404]).toContain(write.status);
		expect((await stored()).length).toBe(before);
	});
});

describe('restricting a guardian’s access to the family pages (§11)', () => {
	const restrict = (who: string, form: Record<string, string>) =>
		callAs(u[who]!, page.actions.restrictGuardian as any, { params: params(), form });
	const current = async () => (await stored()).find((g) => !g.endedAt)!;
	const inDays = (n: number) => helsinkiDate(new Date(Date.now() + n * 86_400_000));

	it('a social worker restricts with a reason and a review date; logged; the page shows it', async () => {
		const g = await current();
		const r = await restrict('social_worker', {
			guardianId: g.id,
			reason: 'Lapsen etu vaatii.',
			reviewOn: inDays(30)
		});
		expect(r).toMatchObject({
			status: 303,
			location: `/children/${childId}/guardians?saved=guardian_restricted`
		});
		expect(await current()).toMatchObject({
			restrictionReason: 'Lapsen etu vaatii.',
			restrictionReviewOn: inDays(30),
			restrictedBy: u.social_worker
		});
		expect(await logRows(r.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'allowed', action: 'restrict', entity_type: 'guardian' })
		);
		const shown = await callAs(u.coordinator!, page.load as any, { params: params() });
		expect(shown.value.guardians[0].restriction).toEqual({
			reason: 'Lapsen etu vaatii.',
			reviewOn: inDays(30)
		});
	});

	it('a social worker lifts it from the version shown; a stale version is a conflict', async () => {
		const g = await current();
		const lift = (version: number) =>
			callAs(u.social_worker!, page.actions.liftRestriction as any, {
				params: params(),
				form: { guardianId: g.id, version: String(version) }
			});
		expect((await lift(g.version + 1)).status).toBe(409);
		const r = await lift(g.version);
		expect(r).toMatchObject({ status: 303 });
		expect(await current()).toMatchObject({ restrictionReason: null, restrictedBy: null });
		expect(await logRows(r.requestId)).toContainEqual(
			expect.objectContaining({ action: 'lift_restriction', entity_type: 'guardian' })
		);
	});

	it('refuses a review date in the past or over a year ahead, and a missing reason', async () => {
		const g = await current();
		for (const form of [
			{ guardianId: g.id, reason: 'Syy', reviewOn: inDays(0) },
			{ guardianId: g.id, reason: 'Syy', reviewOn: inDays(400) },
			{ guardianId: g.id, reason: ' ', reviewOn: inDays(30) },
			{ guardianId: crypto.randomUUID(), reason: 'Syy', reviewOn: inDays(30) }
		]) {
			const r = await restrict('social_worker', form);
			expect(r.status).toBe(400);
		}
		expect((await current()).restrictionReason).toBeNull();
	});

	it('the coordinator may not restrict: 403, logged, nothing written', async () => {
		const g = await current();
		const r = await restrict('coordinator', {
			guardianId: g.id,
			reason: 'Syy',
			reviewOn: inDays(30)
		});
		expect(r.status).toBe(403);
		expect(await logRows(r.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'denied', action: 'restrictGuardian' })
		);
		expect((await current()).restrictionReason).toBeNull();
	});

	it('reminds the worker who restricted once, when the review date has come', async () => {
		const d = await db();
		const g = await current();
		const r = await restrict('social_worker', {
			guardianId: g.id,
			reason: 'Lapsen etu vaatii.',
			reviewOn: inDays(30)
		});
		expect(r.status).toBe(303);
		const reminders = async () =>
			(await d.select().from(notification).where(eq(notification.childId, childId))).filter(
				(n) => n.kind === 'restriction_review'
			);
		const day = (n: number) => new Date(Date.now() + n * 86_400_000);
		await remindRestrictionReviews(d, day(29));
		expect(await reminders()).toHaveLength(0);
		await remindRestrictionReviews(d, day(31));
		expect(await reminders()).toEqual([
			expect.objectContaining({
				userId: u.social_worker,
				link: `/children/${childId}/guardians`
			})
		]);
		// Once per review date, however often the worker runs.
		await remindRestrictionReviews(d, day(32));
		expect(await reminders()).toHaveLength(1);
	});
});
