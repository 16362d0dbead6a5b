import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ownWordsPrivacy } from '$lib/server/db/schema';
import {
	APP,
	db,
	familyEventFor,
	eventFor,
	makeChild,
	makeFamilyPerson,
	makeGuardian,
	makeTeamScene,
	testIdentityCode
} from '$lib/server/testing/fixtures';
import { logRows, outcome } from '$lib/server/testing/routes';
import * as page from './+page.server';
import * as staffChildPage from '../../children/[childId]/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/**
 * A young person of 15 or more asks that their own words are not shown to their guardians
 * (DOMAIN §11, Act 812/2000 § 11): only they may ask, from 15; the team sees the request
 * where it sees the family's words.
 */
let scene: Awaited<ReturnType<typeof makeTeamScene>>;
const older = testIdentityCode(2010);
const younger = testIdentityCode(2013);
const parent = testIdentityCode(1976);
let olderChild: string;
let youngerChild: string;
const person: Record<string, string> = {};

beforeAll(async () => {
	scene = await makeTeamScene(['social_worker']);
	const by = scene.users.social_worker!;
	olderChild = (
		await makeChild(scene.teamId, {
			dateOfBirth: older.date,
			personalIdentityCode: older.code
		})
	).id;
	youngerChild = (
		await makeChild(scene.teamId, {
			dateOfBirth: younger.date,
			personalIdentityCode: younger.code
		})
	).id;
	await makeGuardian(olderChild, parent.code, by);
	for (const [k, p] of Object.entries({ older, younger, parent }))
		person[k] = (await makeFamilyPerson(p.code)).id;
});

const familyEvent = (who: string, childId: string, form?: Record<string, string>) =>
	familyEventFor(person[who]!, childId, form && { action: 'setPrivacy', form });
const shown = async (who: string, childId: string) =>
	((await outcome(async () => page.load((await familyEvent(who, childId)) as any))) as any).value
		.privacy as { asked: boolean } | null;
async function ask(who: string, childId: string, value: 'yes' | 'no') {
	const event: any = await familyEvent(who, childId, { private: value });
	return { r: await outcome(() => page.actions.setPrivacy!(event)), event };
}
const requests = async (childId: string) =>
	(await db()).select().from(ownWordsPrivacy).where(eq(ownWordsPrivacy.childId, childId));
const teamSees = async () =>
	(
		(await outcome(async () =>
			staffChildPage.load(
				(await eventFor(scene.users.social_worker!, {
					url: `${APP}/children/${olderChild}`,
					routeId: '/children/[childId]',
					params: { childId: olderChild }
				})) as any
			)
		)) as any
	).value.familyWords.privacy as string | null;

describe('a young person’s own words kept from their guardians (15+)', () => {
	it('is offered to the young person of 15 or more only', async () => {
		expect(await shown('older', olderChild)).toEqual({ asked: false });
		expect(await shown('younger', youngerChild)).toBeNull();
		expect(await shown('parent', olderChild)).toBeNull();
	});

	it('a younger child and a guardian are refused, nothing stored', async () => {
		expect((await ask('younger', youngerChild, 'yes')).r.status).toBe(400);
		expect((await ask('parent', olderChild, 'yes')).r.status).toBe(403);
		expect(await requests(youngerChild)).toHaveLength(0);
		expect(await requests(olderChild)).toHaveLength(0);
	});

	it('the young person asks (logged); the team sees it; withdrawn, the team no longer does', async () => {
		expect(await teamSees()).toBeNull();
		const { r, event } = await ask('older', olderChild, 'yes');
		expect(r).toMatchObject({ status: 303, location: `/family/${olderChild}?saved=privacy` });
		expect(await logRows(event.locals.requestId)).toContainEqual(
			expect.objectContaining({
				action: 'create',
				entity_type: 'own_words_privacy',
				basis: 'own_data'
			})
		);
		expect(await shown('older', olderChild)).toEqual({ asked: true });
		expect(await teamSees()).toBe(
			'Nuori (15+) on pyytänyt, ettei hänen omia sanojaan näytetä huoltajille.'
		);
		await ask('older', olderChild, 'no');
		expect(await teamSees()).toBeNull();
		// Both kept: who asked and when stays known.
		expect((await requests(olderChild)).map((x) => x.private).sort()).toEqual([false, true]);
	});
});
