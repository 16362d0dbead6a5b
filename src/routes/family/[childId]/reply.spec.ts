import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { familyNote } from '$lib/server/db/schema';
import {
	APP,
	db,
	familyEventFor,
	eventFor,
	makeChild,
	makeFamilyPerson,
	makeTeamScene,
	testIdentityCode,
	makeHeldMeeting
} from '$lib/server/testing/fixtures';
import { logRows, outcome } from '$lib/server/testing/routes';
import * as page from './+page.server';
import * as staffChildPage from '../../children/[childId]/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/**
 * A reply to what the meeting agreed (DOMAIN §11, issue 36): the family reads the last
 * meeting's hypotheses (as questions) and steps, replies to that meeting only, and the
 * team sees the reply with the family's words at the next discussion.
 */
const DAY = 86_400_000;
let scene: Awaited<ReturnType<typeof makeTeamScene>>;
const young = testIdentityCode(2012);
let childId: string;
let youngPerson: string;
let olderMeeting: string;
let lastMeeting: string;

beforeAll(async () => {
	scene = await makeTeamScene(['social_worker']);
	const by = scene.users.social_worker!;
	childId = (
		await makeChild(scene.teamId, { dateOfBirth: '2012-03-03', personalIdentityCode: young.code })
	).id;
	youngPerson = (await makeFamilyPerson(young.code)).id;
	const held = async (daysAgo: number, statements: [string, 'open' | 'set_aside'][]) =>
		(
			await makeHeldMeeting(scene.teamId, by, {
				startsAt: new Date(Date.now() - daysAgo * DAY),
				children: [childId],
				hypotheses: statements.map(([statement, state]) => ({ statement, state })),
				steps: [
					{
						what: `Askel ${daysAgo}`,
						dueOn: new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10)
					}
				]
			})
		).id;
	olderMeeting = await held(14, [['Vanha kysymys?', 'open']]);
	lastMeeting = await held(3, [
		['Voisiko koulun aamujen vaikeus liittyä uneen?', 'open'],
		['Hylätty ajatus?', 'set_aside']
	]);
});

const familyEvent = (form?: Record<string, string>) =>
	familyEventFor(youngPerson, childId, form && { action: 'replyToMeeting', form });
async function reply(form: Record<string, string>) {
	const event: any = await familyEvent(form);
	return { r: await outcome(() => page.actions.replyToMeeting!(event)), event };
}
const replies = async () =>
	(await (await db()).select().from(familyNote).where(eq(familyNote.childId, childId))).filter(
		(n) => n.meetingId
	);

describe('a reply to what the meeting agreed', () => {
	it('the family reads the last meeting’s questions and steps, not a set-aside one', async () => {
		const shown: any = await outcome(async () => page.load((await familyEvent()) as any));
		const a = shown.value.agreement;
		expect(a.meetingId).toBe(lastMeeting);
		expect(a.title).toMatch(/^Mitä tiimi sopi tapaamisessa /);
		expect(a.questions.map((q: { text: string }) => q.text)).toEqual([
			'Voisiko koulun aamujen vaikeus liittyä uneen?'
		]);
		expect(a.steps.map((s: { text: string }) => s.text)).toEqual([
			expect.stringMatching(/^Askel 3 \(\d/)
		]);
	});

	it('refuses a reply to an older meeting or an empty one; nothing stored', async () => {
		expect((await reply({ meetingId: olderMeeting, text: 'Vastaus' })).r.status).toBe(400);
		expect((await reply({ meetingId: lastMeeting, text: '  ' })).r.status).toBe(400);
		expect(await replies()).toHaveLength(0);
	});

	it('stores the reply as theirs about that meeting, logged; the team sees it marked so', async () => {
		const { r, event } = await reply({ meetingId: lastMeeting, text: 'Nukun huonosti, kyllä.' });
		expect(r).toMatchObject({ status: 303, location: `/family/${childId}?saved=meeting_reply` });
		expect(await replies()).toEqual([
			expect.objectContaining({
				meetingId: lastMeeting,
				basis: 'own_data',
				text: 'Nukun huonosti, kyllä.'
			})
		]);
		expect(await logRows(event.locals.requestId)).toContainEqual(
			expect.objectContaining({ action: 'create', entity_type: 'family_note', basis: 'own_data' })
		);
		const team: any = await outcome(async () =>
			staffChildPage.load(
				(await eventFor(scene.users.social_worker!, {
					url: `${APP}/children/${childId}`,
					routeId: '/children/[childId]',
					params: { childId }
				})) as any
			)
		);
		expect(team.value.familyWords.lines).toContainEqual(
			expect.objectContaining({
				text: 'Nukun huonosti, kyllä.',
				about: expect.stringMatching(/^vastaus tapaamisen .* sopimuksiin$/)
			})
		);
	});
});
