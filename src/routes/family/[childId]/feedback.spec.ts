import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { familyFeedback } from '$lib/server/db/schema';
import {
	db,
	familyEventFor,
	makeChild,
	makeFamilyPerson,
	makeGuardian,
	makeTeamScene,
	testIdentityCode,
	makeHeldMeeting,
	makeClientPlan
} from '$lib/server/testing/fixtures';
import { logRows, outcome } from '$lib/server/testing/routes';
import * as page from './+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/**
 * The family's two questions (DOMAIN §11, issue 36): after a closed team meeting that
 * discussed the child, or a client plan, of the last 60 days, each family member is asked
 * once, newest first; an answer is stored as theirs, and nothing else can be answered.
 */
const DAY = 86_400_000;
const young = testIdentityCode(2012);
const parent = testIdentityCode(1978);
let childId: string;
let otherChildId: string;
let youngPerson: string;
let parentPerson: string;
let recentMeeting: string;
let olderMeeting: string;
let otherChildMeeting: string;
let recentPlan: string;
let oldPlan: string;

beforeAll(async () => {
	const scene = await makeTeamScene(['social_worker', 'coordinator']);
	const by = scene.users.social_worker!;
	childId = (
		await makeChild(scene.teamId, { dateOfBirth: '2012-02-01', personalIdentityCode: young.code })
	).id;
	otherChildId = (await makeChild(scene.teamId)).id;
	await makeGuardian(childId, parent.code, by);
	youngPerson = (await makeFamilyPerson(young.code)).id;
	parentPerson = (await makeFamilyPerson(parent.code)).id;
	const closedMeeting = async (daysAgo: number, kids: string[]) =>
		(
			await makeHeldMeeting(scene.teamId, by, {
				startsAt: new Date(Date.now() - daysAgo * DAY),
				children: kids
			})
		).id;
	olderMeeting = await closedMeeting(20, [childId]);
	recentMeeting = await closedMeeting(3, [childId]);
	otherChildMeeting = await closedMeeting(2, [otherChildId]);
	const plan = async (number: number, daysAgo: number) =>
		(
			await makeClientPlan(childId, by, {
				number,
				madeOn: new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10)
			})
		).id;
	oldPlan = await plan(1, 90);
	recentPlan = await plan(2, 10);
});

const asFamily = (personId: string, form?: Record<string, string>) =>
	familyEventFor(personId, childId, form && { action: 'answerFeedback', form });
const asked = async (personId: string) =>
	((await outcome(async () => page.load((await asFamily(personId)) as any))) as any).value
		.feedback as { kind: string; id: string; about: string } | null;
async function answer(personId: string, form: Record<string, string>) {
	const event: any = await asFamily(personId, form);
	return { r: await outcome(() => page.actions.answerFeedback!(event)), event };
}
const stored = async () =>
	(await db()).select().from(familyFeedback).where(eq(familyFeedback.childId, childId));

describe('the two questions after a meeting or a plan', () => {
	it('asks about the newest meeting first, in words', async () => {
		expect(await asked(youngPerson)).toMatchObject({
			kind: 'meeting',
			id: recentMeeting,
			about: expect.stringMatching(/^Tiimi keskusteli teidän asiastanne tapaamisessa /)
		});
	});

	it('refuses what is not asked now: another child’s or an older meeting, an old plan, a bad score', async () => {
		const tries = [
			{ kind: 'meeting', subjectId: otherChildMeeting, heard: '3', clear: '3' },
			// Only the newest meeting is asked about, never every past week's.
			{ kind: 'meeting', subjectId: olderMeeting, heard: '3', clear: '3' },
			{ kind: 'client_plan', subjectId: oldPlan, heard: '3', clear: '3' },
			{ kind: 'client_plan', subjectId: recentMeeting, heard: '3', clear: '3' },
			{ kind: 'meeting', subjectId: recentMeeting, heard: '6', clear: '3' },
			{ kind: 'meeting', subjectId: recentMeeting, heard: '3', clear: '' }
		];
		for (const t of tries) expect((await answer(youngPerson, t)).r.status, t.subjectId).toBe(400);
		expect(await stored()).toHaveLength(0);
	});

	it('stores an answer as the person’s, logged; then asks about the plan, then nothing', async () => {
		const { r, event } = await answer(youngPerson, {
			kind: 'meeting',
			subjectId: recentMeeting,
			heard: '4',
			clear: '2'
		});
		expect(r).toMatchObject({ status: 303, location: `/family/${childId}?saved=family_feedback` });
		expect(await stored()).toEqual([
			expect.objectContaining({
				personId: youngPerson,
				basis: 'own_data',
				meetingId: recentMeeting,
				clientPlanId: null,
				heard: 4,
				clear: 2
			})
		]);
		expect(await logRows(event.locals.requestId)).toContainEqual(
			expect.objectContaining({
				action: 'create',
				entity_type: 'family_feedback',
				basis: 'own_data'
			})
		);
		// The same meeting again: not asked any more, nothing stored.
		const again = await answer(youngPerson, {
			kind: 'meeting',
			subjectId: recentMeeting,
			heard: '5',
			clear: '5'
		});
		expect(again.r.status).toBe(400);
		expect(await asked(youngPerson)).toMatchObject({ kind: 'client_plan', id: recentPlan });
		await answer(youngPerson, {
			kind: 'client_plan',
			subjectId: recentPlan,
			heard: '5',
			clear: '5'
		});
		expect(await asked(youngPerson)).toBeNull();
	});

	it('each family member answers for themself', async () => {
		expect(await asked(parentPerson)).toMatchObject({ kind: 'meeting', id: recentMeeting });
		const { r } = await answer(parentPerson, {
			kind: 'meeting',
			subjectId: recentMeeting,
			heard: '3',
			clear: '3'
		});
		expect(r.status).toBe(303);
		expect((await stored()).map((f) => f.basis).sort()).toEqual([
			'guardian',
			'own_data',
			'own_data'
		]);
	});
});
