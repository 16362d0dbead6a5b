import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDate } from '$lib/domain/access';
import { addDays } from '$lib/domain/working-days';
import { caseContact, child } from '$lib/server/db/schema';
import {
	db,
	makeChild,
	makeGrant,
	makePartner,
	makeTeamScene,
	uniq
} from '$lib/server/testing/fixtures';
import { callAs, logRows } from '$lib/server/testing/routes';
import * as intakeNew from '../intake/new/+page.server';
import * as birth from './[childId]/birth/+page.server';
import * as childPage from './[childId]/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/**
 * A notification before birth (25 c §): the clinic files it with the expected date of
 * birth; the record says the child is not yet born until the team records the birth.
 */
const today = helsinkiDate(new Date());
const u: Record<string, string> = {};
let teamId: string;

beforeAll(async () => {
	const scene = await makeTeamScene(['social_worker']);
	[teamId, u.worker] = [scene.teamId, scene.users.social_worker!];
	const clinic = await makePartner('child_health_clinic');
	[u.nurse, u.clinicId] = [clinic.userId, clinic.organisationId];
});

const call = (who: string, fn: (e: any) => unknown, opts: Parameters<typeof callAs>[2] = {}) =>
	callAs(u[who]!, fn, opts);

const unbornForm = (familyName: string, extra: Record<string, string> = {}) => ({
	teamId,
	givenName: 'Vauva',
	familyName,
	birth: 'expected',
	dateOfBirth: addDays(today, 90),
	personalIdentityCode: '',
	kind: 'notification',
	receivedOn: today,
	notifierKind: 'health_care',
	summary: 'Odottava äiti kertoi neuvolassa päihteiden käytöstä.',
	urgent: '',
	...extra
});

async function byName(familyName: string) {
	return (await db()).select().from(child).where(eq(child.familyName, familyName));
}

describe('a notification before birth (25 c §)', () => {
	it('a partner files it with the expected date; the record says the child is not yet born', async () => {
		const name = `Odottava ${uniq()}`;
		const r = await call('nurse', intakeNew.actions.file as any, { form: unbornForm(name) });
		expect(r.status).toBe(303);
		const [c] = await byName(name);
		expect(c).toMatchObject({ birthExpected: true, dateOfBirth: addDays(today, 90) });
		const [contact] = await (
			await db()
		)
			.select()
			.from(caseContact)
			.where(eq(caseContact.childId, c!.id));
		expect(contact).toMatchObject({ kind: 'notification' });
		const page = await call('worker', childPage.load as any, { params: { childId: c!.id } });
		expect(page.value.view.child.birthExpected).toBe(true);
	});

	it('refuses another kind of contact, an identity code and a date outside a pregnancy, writing nothing', async () => {
		for (const [extra, field] of [
			[{ kind: 'application' }, 'kind'],
			[{ personalIdentityCode: '010101A123N' }, 'personalIdentityCode'],
			[{ dateOfBirth: addDays(today, 400) }, 'dateOfBirth'],
			[{ dateOfBirth: addDays(today, -60) }, 'dateOfBirth']
		] as const) {
			const name = `Odottava ${uniq()}`;
			const r = await call('nurse', intakeNew.actions.file as any, {
				form: unbornForm(name, extra)
			});
			expect(r.status).toBe(400);
			expect(Object.keys(r.data.form.errors)).toContain(field);
			expect(await byName(name)).toEqual([]);
		}
		// A child already born still cannot have a birth date in the future.
		const name = `Syntynyt ${uniq()}`;
		const born = await call('nurse', intakeNew.actions.file as any, {
			form: unbornForm(name, { birth: 'born' })
		});
		expect(born.status).toBe(400);
		expect(await byName(name)).toEqual([]);
	});

	it('the team records the birth: the real date replaces the expected one, logged', async () => {
		const c = await makeChild(teamId, {
			birthExpected: true,
			dateOfBirth: addDays(today, 10),
			phase: 'contact'
		});
		const future = await call('worker', birth.actions.record as any, {
			params: { childId: c.id },
			form: { bornOn: addDays(today, 1), personalIdentityCode: '', version: String(c.version) }
		});
		expect(future.status).toBe(400);
		const r = await call('worker', birth.actions.record as any, {
			params: { childId: c.id },
			form: { bornOn: addDays(today, -1), personalIdentityCode: '', version: String(c.version) }
		});
		expect(r).toMatchObject({ status: 303, location: `/children/${c.id}?saved=birth` });
		const [after] = await (await db()).select().from(child).where(eq(child.id, c.id));
		expect(after).toMatchObject({ birthExpected: false, dateOfBirth: addDays(today, -1) });
		expect(await logRows(r.requestId)).toContainEqual(
			expect.objectContaining({ action: 'update', entity_type: 'child', outcome: 'allowed' })
		);
		// Recorded once: a second time is refused in words.
		const again = await call('worker', birth.actions.record as any, {
			params: { childId: c.id },
			form: {
				bornOn: addDays(today, -1),
				personalIdentityCode: '',
				version: String(after!.version)
			}
		});
		expect(again.status).toBe(400);
	});

	it('a partner, even with a grant, cannot record the birth: 404, logged, nothing changed', async () => {
		const c = await makeChild(teamId, { birthExpected: true, dateOfBirth: addDays(today, 10) });
		await makeGrant(c.id, u.clinicId!, u.worker!);
		const r = await call('nurse', birth.actions.record as any, {
			params: { childId: c.id },
			form: { bornOn: today, personalIdentityCode: '', version: String(c.version) }
		});
		expect(r.status).toBe(404);
		expect(await logRows(r.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'denied' })
		);
		const [after] = await (await db()).select().from(child).where(eq(child.id, c.id));
		expect(after!.birthExpected).toBe(true);
	});
});
