import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { agendaItem, teamMeeting } from '$lib/server/db/schema';
import { ConflictError, FieldError, ForbiddenError } from '$lib/server/errors';
import { setFamilyExpected } from '$lib/server/features/meetings';
import {
	APP,
	db,
	familyEventFor,
	eventFor,
	makeChild,
	makeFamilyPerson,
	makeGuardian,
	makeMeeting,
	makeTeamScene,
	staffOf,
	testIdentityCode
} from '$lib/server/testing/fixtures';
import { logRows, outcome } from '$lib/server/testing/routes';
import * as page from './+page.server';
import * as meetingPage from '../../team/meetings/[meetingId]/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/**
 * Meetings where the family is expected (DOMAIN §11, issue 36): the people who prepare the
 * agenda mark a child's discussion, and the family then sees the meeting's time on their
 * own page, nothing else of the agenda.
 */
let scene: Awaited<ReturnType<typeof makeTeamScene>>;
const young = testIdentityCode(2012);
const parent = testIdentityCode(1977);
let childId: string;
let meetingId: string;
let itemId: string;
let otherItemId: string;
let youngPerson: string;
let parentPerson: string;

beforeAll(async () => {
	const d = await db();
	scene = await makeTeamScene(['coordinator', 'social_worker']);
	const by = scene.users.coordinator!;
	childId = (
		await makeChild(scene.teamId, { dateOfBirth: '2012-04-01', personalIdentityCode: young.code })
	).id;
	const otherChild = (await makeChild(scene.teamId)).id;
	await makeGuardian(childId, parent.code, by);
	youngPerson = (await makeFamilyPerson(young.code)).id;
	parentPerson = (await makeFamilyPerson(parent.code)).id;
	meetingId = (await makeMeeting(scene.teamId, by)).id;
	const item = (c: string, position: number) =>
		d
			.insert(agendaItem)
			.values({ meetingId, childId: c, position, reasons: [], addedBy: by })
			.returning();
	itemId = (await item(childId, 1))[0]!.id;
	otherItemId = (await item(otherChild, 2))[0]!.id;
	// The other child's family is expected too: never shown to this family.
	await d.update(agendaItem).set({ familyExpected: true }).where(eq(agendaItem.id, otherItemId));
});

const version = async (id: string) =>
	(await (await db()).select().from(agendaItem).where(eq(agendaItem.id, id)))[0]!;
const familyMeetings = async (personId: string) =>
	((await outcome(async () => page.load((await familyEventFor(personId, childId)) as any))) as any)
		.value.meetings as { id: string; when: string }[];
const expect_ = (expected: 'yes' | 'no', v: number) =>
	eventFor(scene.users.coordinator!, {
		url: `${APP}/team/meetings/${meetingId}?/expectFamily`,
		routeId: '/team/meetings/[meetingId]',
		params: { meetingId },
		form: { itemId, version: String(v), expected }
	});

describe('the family expected at a meeting', () => {
	it('nothing is shown before the team invites them', async () => {
		expect(await familyMeetings(youngPerson)).toEqual([]);
	});

	it('the coordinator invites them (logged); the young person and the guardian see the time only', async () => {
		const event: any = await expect_('yes', (await version(itemId)).version);
		const r = await outcome(() => meetingPage.actions.expectFamily!(event));
		expect(r).toMatchObject({ status: 303 });
		expect((await version(itemId)).familyExpected).toBe(true);
		expect(await logRows(event.locals.requestId)).toContainEqual(
			expect.objectContaining({ action: 'write', entity_type: 'agenda_item', outcome: 'allowed' })
		);
		for (const person of [youngPerson, parentPerson]) {
			const shown = await familyMeetings(person);
			expect(shown).toEqual([
				{ id: itemId, when: expect.stringMatching(/\d{1,2}\.\d{1,2}\.\d{4}/) }
			]);
		}
	});

	it('an old version is a conflict and a social worker is refused; nothing changes', async () => {
		const d = await db();
		const stale = await outcome(async () =>
			meetingPage.actions.expectFamily!((await expect_('no', 1)) as any)
		);
		expect(stale.status).toBe(409);
		const v = (await version(itemId)).version;
		await expect(
			setFamilyExpected(d, await staffOf(scene.users.coordinator!), meetingId, {
				itemId,
				version: v - 1,
				expected: false
			})
		).rejects.toBeInstanceOf(ConflictError);
		await expect(
			setFamilyExpected(d, await staffOf(scene.users.social_worker!), meetingId, {
				itemId,
				version: v,
				expected: false
			})
		).rejects.toBeInstanceOf(ForbiddenError);
		expect((await version(itemId)).familyExpected).toBe(true);
	});

	it('withdrawn, or the meeting closed: no longer shown, and a closed meeting takes no change', async () => {
		const event: any = await expect_('no', (await version(itemId)).version);
		expect((await outcome(() => meetingPage.actions.expectFamily!(event))).status).toBe(303);
		expect(await familyMeetings(youngPerson)).toEqual([]);
		const d = await db();
		await d
			.update(teamMeeting)
			.set({ state: 'closed', closedAt: new Date(), closedBy: scene.users.coordinator! })
			.where(eq(teamMeeting.id, meetingId));
		await expect(
			setFamilyExpected(d, await staffOf(scene.users.coordinator!), meetingId, {
				itemId,
				version: (await version(itemId)).version,
				expected: true
			})
		).rejects.toBeInstanceOf(FieldError);
	});
});
