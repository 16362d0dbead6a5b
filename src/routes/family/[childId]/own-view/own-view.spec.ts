import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDate } from '$lib/domain/access';
import { addWorkingDays } from '$lib/domain/working-days';
import { childStatus, flag, ownView } from '$lib/server/db/schema';
import { recomputeChildStatus } from '$lib/server/features/status';
import {
	APP,
	db,
	familyEventFor,
	eventFor,
	makeAssessment,
	makeChild,
	makeFamilyPerson,
	makeGrant,
	makeGuardian,
	makePartner,
	makeTeamScene,
	testIdentityCode
} from '$lib/server/testing/fixtures';
import { logRows, outcome } from '$lib/server/testing/routes';
import * as page from './+page.server';
import * as staffChildPage from '../../../children/[childId]/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/**
 * The young person's own view of the seven domains (DOMAIN §11, issue 36): only the child
 * themself gives it; it adds a column to the team's grid and signals beside the colour,
 * never the colour; "not safe" raises a flag due in 1 working day.
 */
let scene: Awaited<ReturnType<typeof makeTeamScene>>;
let school: Awaited<ReturnType<typeof makePartner>>;
const young = testIdentityCode(2012);
const parent = testIdentityCode(1979);
let childId: string;
let youngPerson: string;
let parentPerson: string;

// All answered, nothing to worry about: the young person's "everything is fine".
const allFine = { S: '0', H: '0', E: '0', L: '0', R: '0', P: '0', F: '0' };

beforeAll(async () => {
	scene = await makeTeamScene(['consultant_social_worker', 'social_worker']);
	school = await makePartner('school');
	childId = (
		await makeChild(scene.teamId, {
			dateOfBirth: '2012-03-01',
			personalIdentityCode: young.code
		})
	).id;
	await makeGuardian(childId, parent.code, scene.users.social_worker!);
	await makeGrant(childId, school.organisationId, scene.users.social_worker!);
	// The school sees learning as fine and safety as fine: yellow on E only.
	await makeAssessment(childId, school.organisationId, school.userId, {
		ratings: {
			L1: { rating: 0, evidence: '' },
			L2: { rating: 0, evidence: '' },
			S1: { rating: 0, evidence: '' },
			E1: { rating: 2, evidence: '' }
		}
	});
	await (await db()).transaction((tx) => recomputeChildStatus(tx, childId, 'test'));
	youngPerson = (await makeFamilyPerson(young.code, 'Nuori')).id;
	parentPerson = (await makeFamilyPerson(parent.code)).id;
});

const asFamily = (personId: string, form?: Record<string, string>) =>
	familyEventFor(personId, childId, {
		below: 'own-view',
		...(form && { action: 'giveOwnView', form })
	});

async function give(personId: string, form: Record<string, string>) {
	const event: any = await asFamily(personId, form);
	return { r: await outcome(() => page.actions.giveOwnView!(event)), event };
}
const views = async () => (await db()).select().from(ownView).where(eq(ownView.childId, childId));
const statusNow = async () =>
	(await (await db()).select().from(childStatus).where(eq(childStatus.childId, childId)))[0]!;
const openFlag = async (trigger: 'not_safe' | 'disagreement') =>
	(
		await (
			await db()
		)
			.select()
			.from(flag)
			.where(and(eq(flag.childId, childId), eq(flag.trigger, trigger), eq(flag.status, 'open')))
	)[0];

describe('who may give an own view', () => {
	it('the young person opens the form: seven statements, four answers and a way to skip', async () => {
		const shown: any = await outcome(async () => page.load((await asFamily(youngPerson)) as any));
		expect(shown.status).toBe(200);
		expect(shown.value.questions.map((q: { id: string }) => q.id)).toEqual([
			'S',
			'H',
			'E',
			'L',
			'R',
			'P',
			'F'
		]);
		expect(shown.value.choices).toHaveLength(5);
		expect(shown.value.safety).toMatch(/112/);
	});

	it('a guardian gets 404 on the page and the action, logged; nothing is stored', async () => {
		const event: any = await asFamily(parentPerson);
		expect((await outcome(() => page.load(event))).status).toBe(404);
		expect(await logRows(event.locals.requestId)).toContainEqual(
			expect.objectContaining({
				outcome: 'denied',
				entity_type: 'own_view',
				basis: 'family',
				child_id: childId
			})
		);
		const { r } = await give(parentPerson, allFine);
		expect(r.status).toBe(404);
		expect(await views()).toHaveLength(0);
	});
});

describe('giving an own view', () => {
	it('refuses a missing or unknown answer with the form back, storing nothing', async () => {
		const missing = await give(youngPerson, { ...allFine, S: '' });
		expect(missing.r.status).toBe(400);
		expect(missing.r.data.view.errors.S).toBeTruthy();
		expect((await give(youngPerson, { ...allFine, L: '7' })).r.status).toBe(400);
		expect(await views()).toHaveLength(0);
	});

	it('stores the answers as given, logged as own data, and raises no flag when they agree', async () => {
		const before = await statusNow();
		const { r, event } = await give(youngPerson, { ...allFine, E: '2', P: 'skip' });
		expect(r).toMatchObject({ status: 303, location: `/family/${childId}?saved=own_view` });
		const [v] = await views();
		expect(v!.answers).toEqual({ S: 0, H: 0, E: 2, L: 0, R: 0, P: null, F: 0 });
		expect(v!.personId).toBe(youngPerson);
		expect(await logRows(event.locals.requestId)).toContainEqual(
			expect.objectContaining({
				action: 'create',
				entity_type: 'own_view',
				basis: 'own_data',
				outcome: 'allowed'
			})
		);
		const after = await statusNow();
		expect(after.colour).toBe(before.colour);
		expect(await openFlag('disagreement')).toBeUndefined();
	});

	it('"I am not safe" and a learning answer far from the school raise flags; the colour stays', async () => {
		const before = await statusNow();
		const { r } = await give(youngPerson, { ...allFine, S: '3', L: '3', E: '2' });
		expect(r.status).toBe(303);
		const after = await statusNow();
		expect(after.colour).toBe(before.colour);
		expect(after.domainColours).toEqual(before.domainColours);
		const signals = after.signals as { signal: string; domainId?: string }[];
		expect(signals).toContainEqual(expect.objectContaining({ signal: 'not_safe' }));
		expect(signals).toContainEqual(
			expect.objectContaining({ signal: 'disagreement', domainId: 'L', own: 3, professionals: 0 })
		);
		const notSafe = await openFlag('not_safe');
		expect(notSafe!.dueOn).toBe(addWorkingDays(helsinkiDate(new Date()), 1));
		expect(await openFlag('disagreement')).toBeDefined();
	});
});

describe('what the team sees', () => {
	const childPageAs = async (userId: string) =>
		outcome(async () =>
			staffChildPage.load(
				(await eventFor(userId, {
					url: `${APP}/children/${childId}`,
					routeId: '/children/[childId]',
					params: { childId }
				})) as any
			)
		);

	it('the team sees the newest view as its own column, and the signals in words', async () => {
		const shown: any = await childPageAs(scene.users.social_worker!);
		expect(shown.value.ownView.title).toBe('Nuoren oma näkemys');
		expect(shown.value.ownView.answers).toMatchObject({
			S: '3 Ei totta ollenkaan',
			L: '3 Ei totta ollenkaan',
			E: '2 Ei oikein totta'
		});
		expect(shown.value.statusText.signals).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^Nuori vastasi .*, ettei ole turvassa/),
				expect.stringMatching(/^Nuoren oma näkemys eroaa: Kehitys ja oppiminen – nuori 3/)
			])
		);
	});

	it('a partner with a grant sees neither the column nor the young person’s answers', async () => {
		const shown: any = await childPageAs(school.userId);
		expect(shown.status).toBe(200);
		expect(shown.value.ownView).toBeNull();
		expect(JSON.stringify(shown.value)).not.toContain('Ei totta ollenkaan');
	});
});
