import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ONCE_FIELD } from '$lib/schemas/once';
import { helsinkiDate } from '$lib/domain/access';
import { accessGrant, assessment, caseContact, child, familyNote } from '$lib/server/db/schema';
import {
	APP,
	db,
	familyEventFor,
	makeChild,
	makeContact,
	makeFamilyPerson,
	makeGrant,
	makeGuardian,
	makeMeeting,
	makePartner,
	makeTeamScene,
	testIdentityCode,
	uniq
} from '$lib/server/testing/fixtures';
import { callAs, logRows, outcome } from '$lib/server/testing/routes';
import * as childNew from './children/new/+page.server';
import * as familyPage from './family/[childId]/+page.server';
import * as accessPage from './children/[childId]/access/+page.server';
import * as meetingPage from './team/meetings/[meetingId]/+page.server';
import * as newAssessment from './children/[childId]/assessments/new/[[requestId]]/+page.server';
import * as contactPage from './children/[childId]/contacts/[contactId]/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/**
 * A create posted twice (ADR 052): a browser without JavaScript sends a double press twice,
 * a retry resends a post whose answer was lost. The second post of the same form, as it was
 * filled in, is sent where the first one went, and nothing is created twice.
 */
let scene: Awaited<ReturnType<typeof makeTeamScene>>;
let worker: string;
let other: string;

beforeAll(async () => {
	scene = await makeTeamScene(['social_worker', 'consultant_social_worker']);
	worker = scene.users.social_worker!;
	other = scene.users.consultant_social_worker!;
});

const newChild = (familyName: string, key?: string) => ({
	givenName: 'Aino',
	familyName,
	dateOfBirth: '2015-03-04',
	personalIdentityCode: '',
	homeMunicipality: 'Järvelä',
	responsibleWorkerId: '',
	secondWorkerId: '',
	caseloadReason: '',
	...(key ? { [ONCE_FIELD]: key } : {})
});

const create = (who: string, form: Record<string, string>) =>
	callAs(who, childNew.actions.create as any, {
		url: `${APP}/children/new?/create`,
		routeId: '/children/new',
		form
	});

const children = async (familyName: string) =>
	(await db()).select({ id: child.id }).from(child).where(eq(child.familyName, familyName));

describe('a new child posted twice', () => {
	it('the page draws the form with a new one-time key each time', async () => {
		const a = await callAs(worker, childNew.load as any, { routeId: '/children/new' });
		const b = await callAs(worker, childNew.load as any, { routeId: '/children/new' });
		expect(a.value.form.once).toMatch(/^[0-9a-f-]{36}$/);
		expect(b.value.form.once).not.toBe(a.value.form.once);
	});

	it('the same post twice makes one child, and both are sent to it', async () => {
		const name = `Kahdesti ${uniq()}`;
		const key = crypto.randomUUID();
		const first = await create(worker, newChild(name, key));
		const second = await create(worker, newChild(name, key));
		expect(first.status).toBe(303);
		expect(second).toMatchObject({ status: 303, location: first.location });
		const made = await children(name);
		expect(made).toHaveLength(1);
		expect(first.location).toContain(`/children/${made[0]!.id}`);
	});

	it('a new key, or a field changed, is a new child', async () => {
		const name = `Uusi ${uniq()}`;
		const key = crypto.randomUUID();
		await create(worker, newChild(name, key));
		await create(worker, newChild(name, crypto.randomUUID()));
		await create(worker, { ...newChild(name, key), givenName: 'Aina' });
		expect(await children(name)).toHaveLength(3);
	});

	it('a post that was refused records nothing: the corrected post with the same key saves', async () => {
		const name = `Korjattu ${uniq()}`;
		const key = crypto.randomUUID();
		const refused = await create(worker, { ...newChild(name, key), givenName: '' });
		expect(refused.status).toBe(400);
		expect(await children(name)).toEqual([]);
		expect((await create(worker, newChild(name, key))).status).toBe(303);
		expect(await children(name)).toHaveLength(1);
	});

	it("another person's post with the same key and fields is theirs, not answered with the first", async () => {
		const name = `Toinen ${uniq()}`;
		const key = crypto.randomUUID();
		const mine = await create(worker, newChild(name, key));
		const theirs = await create(other, newChild(name, key));
		expect(theirs.status).toBe(303);
		expect(theirs.location).not.toBe(mine.location);
		expect(await children(name)).toHaveLength(2);
	});

	it('without a key (a post the app did not draw), each post saves as before', async () => {
		const name = `Avaimeton ${uniq()}`;
		await create(worker, newChild(name));
		await create(worker, newChild(name));
		expect(await children(name)).toHaveLength(2);
	});

	it('the same post arriving at once, six times, makes one child', async () => {
		// Truly concurrent on PostgreSQL (a pool of connections); PGlite runs them in turn.
		const name = `Yhtäaikaa ${uniq()}`;
		const key = crypto.randomUUID();
		const all = await Promise.all(
			Array.from({ length: 6 }, () => create(worker, newChild(name, key)))
		);
		expect(all.map((r) => r.status)).toEqual(Array(6).fill(303));
		expect(new Set(all.map((r) => r.location)).size).toBe(1);
		expect(await children(name)).toHaveLength(1);
	});
});

describe("a family's note posted twice", () => {
	it('the same note twice is stored once; a guardian is a principal of their own', async () => {
		const code = testIdentityCode(2012);
		const parent = testIdentityCode(1980);
		const c = await makeChild(scene.teamId, {
			dateOfBirth: code.date,
			personalIdentityCode: code.code
		});
		await makeGuardian(c.id, parent.code, worker);
		const person = await makeFamilyPerson(parent.code);
		const key = crypto.randomUUID();
		const post = async () =>
			outcome(async () =>
				familyPage.actions.tellTeam!(
					(await familyEventFor(person.id, c.id, {
						action: 'tellTeam',
						form: { text: 'Toivomme tapaamista.', [ONCE_FIELD]: key }
					})) as any
				)
			);
		const first = await post();
		const second = await post();
		expect(first).toMatchObject({ status: 303, location: `/family/${c.id}?saved=family_note` });
		expect(second).toMatchObject(first);
		const notes = await (await db()).select().from(familyNote).where(eq(familyNote.childId, c.id));
		expect(notes).toHaveLength(1);
	});
});

describe('a new assessment posted twice', () => {
	it("is saved once, the form's key no unknown field, and both posts are sent to it", async () => {
		const c = await makeChild(scene.teamId);
		const school = await makePartner('school');
		await makeGrant(c.id, school.organisationId, worker, {
			basis: 'consent',
			consentGivenBy: 'huoltaja',
			consentGivenOn: helsinkiDate()
		});
		const form = { r_S1: '2', familyInformed: 'yes', [ONCE_FIELD]: crypto.randomUUID() };
		const post = () =>
			callAs(school.userId, newAssessment.actions.submit as any, {
				url: `${APP}/children/${c.id}/assessments/new?/submit`,
				routeId: '/children/[childId]/assessments/new/[[requestId]]',
				params: { childId: c.id },
				form
			});
		const first = await post();
		const second = await post();
		expect(first).toMatchObject({
			status: 303,
			location: expect.stringMatching(/saved=submitted$/)
		});
		expect(second.location).toBe(first.location);
		const rows = await (await db()).select().from(assessment).where(eq(assessment.childId, c.id));
		expect(rows).toHaveLength(1);
	});
});

describe('a create refused inside its transaction', () => {
	it("another team's meeting: 404, and the denied row outlives the rolled-back transaction", async () => {
		const meeting = await makeMeeting(scene.teamId, worker, { state: 'closed' });
		const stranger = (await makeTeamScene(['coordinator'])).users.coordinator!;
		const r = await callAs(stranger, meetingPage.actions.addAddendum as any, {
			url: `${APP}/team/meetings/${meeting.id}?/addAddendum`,
			routeId: '/team/meetings/[meetingId]',
			params: { meetingId: meeting.id },
			form: { text: 'Lisäys', childId: '', [ONCE_FIELD]: crypto.randomUUID() }
		});
		expect(r.status).toBe(404);
		expect((await logRows(r.requestId)).map((x) => x.outcome)).toContain('denied');
	});
});

describe('a consent recorded twice on the access page', () => {
	it('is one grant; a refused form still comes back under its own name', async () => {
		const c = await makeChild(scene.teamId);
		const school = await makePartner('school');
		const grant = (extra: Record<string, string> = {}) => ({
			organisationId: school.organisationId,
			basis: 'consent',
			consentGivenBy: 'huoltaja',
			consentGivenOn: helsinkiDate(),
			validFrom: helsinkiDate(),
			validUntil: '',
			[ONCE_FIELD]: crypto.randomUUID(),
			...extra
		});
		const post = (form: Record<string, string>) =>
			callAs(worker, accessPage.actions.grant as any, {
				url: `${APP}/children/${c.id}/access?/grant`,
				routeId: '/children/[childId]/access',
				params: { childId: c.id },
				form
			});
		const form = grant();
		const first = await post(form);
		expect(first).toMatchObject({ status: 303, location: `/children/${c.id}/access?saved=1` });
		expect((await post(form)).location).toBe(first.location);
		const grants = await (
			await db()
		)
			.select()
			.from(accessGrant)
			.where(eq(accessGrant.childId, c.id));
		expect(grants).toHaveLength(1);
		const refused = await post(grant({ organisationId: '' }));
		expect(refused.status).toBe(400);
		expect(Object.keys(refused.data.grantForm.errors)).toEqual(['organisationId']);
	});
});

/**
 * A change of a versioned record posted twice (ADR 052, addendum): the form's version is its
 * key. The repeat is sent where the first post went, not refused as "changed meanwhile"; any
 * other stale post is still refused by the record's lock.
 */
describe("a versioned change posted twice: a notification's urgency", () => {
	async function scene2() {
		const k = await makeChild(scene.teamId);
		const contact = await makeContact(k.id, worker, scene.organisationId);
		const urgency = (who: string, form: Record<string, string>) =>
			callAs(who, contactPage.actions.assessUrgency as any, {
				url: `${APP}/children/${k.id}/contacts/${contact.id}?/assessUrgency`,
				routeId: '/children/[childId]/contacts/[contactId]',
				params: { childId: k.id, contactId: contact.id },
				form
			});
		const version = async () =>
			(
				await (
					await db()
				)
					.select({ version: caseContact.version, urgent: caseContact.urgent })
					.from(caseContact)
					.where(eq(caseContact.id, contact.id))
			)[0]!;
		return { k, contact, urgency, version };
	}

	it('the same post twice saves once and both are sent to the saved page', async () => {
		const { urgency, version } = await scene2();
		const drawn = (await version()).version;
		const form = { urgent: 'yes', version: String(drawn) };
		const first = await urgency(worker, form);
		const second = await urgency(worker, form);
		expect(first.status).toBe(303);
		expect(second).toMatchObject({ status: 303, location: first.location });
		expect(await version()).toEqual({ version: drawn + 1, urgent: true });
	});

	it('the same form from someone else, or changed, is still refused as changed meanwhile', async () => {
		const { urgency, version } = await scene2();
		const drawn = String((await version()).version);
		expect((await urgency(worker, { urgent: 'yes', version: drawn })).status).toBe(303);
		// Another person's post of the very same form was drawn before the change: stale.
		expect((await urgency(other, { urgent: 'yes', version: drawn })).status).toBe(409);
		// The first person's own form, changed: a new submission on an old version.
		expect((await urgency(worker, { urgent: 'no', version: drawn })).status).toBe(409);
		expect((await version()).urgent).toBe(true);
	});

	it('posts of the same form at once save it once and send every one to the saved page', async () => {
		const { urgency, version } = await scene2();
		const drawn = (await version()).version;
		const form = { urgent: 'no', version: String(drawn) };
		const answers = await Promise.all([1, 2, 3].map(() => urgency(worker, form)));
		expect((await version()).version).toBe(drawn + 1);
		// One saved; the others were answered with its page or, arriving before its answer
		// was stored, refused by the lock: never saved twice, never a server error.
		for (const a of answers) expect([303, 409]).toContain(a.status);
		expect(answers.filter((a) => a.status === 303).length).toBeGreaterThanOrEqual(1);
	});
});
