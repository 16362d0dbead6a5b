import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDate } from '$lib/domain/access';
import { addMonths } from '$lib/domain/clocks';
import { clientPlan } from '$lib/server/db/schema';
import { db, makeChild, makeGrant, makePartner, makeTeamScene } from '$lib/server/testing/fixtures';
import { callAs, logRows } from '$lib/server/testing/routes';
import * as list from './+page.server';
import * as create from './new/+page.server';
import * as version from './[planId]/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/** The client plan's pages (30 §): the team makes and reads it; a partner is refused, logged. */
const today = helsinkiDate(new Date());
const u: Record<string, string> = {};
let childId: string;

beforeAll(async () => {
	const { teamId, users } = await makeTeamScene(['social_worker', 'social_instructor']);
	[u.worker, u.instructor] = [users.social_worker!, users.social_instructor!];
	const school = await makePartner('school');
	u.partner = school.userId;
	childId = (await makeChild(teamId, { phase: 'client', responsibleWorkerId: u.worker })).id;
	await makeGrant(childId, school.organisationId, u.worker);
});

const call = (who: string, fn: (e: any) => unknown, opts: Parameters<typeof callAs>[2] = {}) =>
	callAs(u[who]!, fn, opts);

const form = (extra: Record<string, string> = {}) => ({
	basedOn: '0',
	language: 'fi',
	madeOn: today,
	situation: 'Perhe on muuttanut.',
	goals: 'Koulunkäynti säännölliseksi.',
	services: 'Perhetyö – kaupunki',
	childView: 'Haluan käydä samaa koulua.',
	childHeardOn: today,
	parentsView: 'Tarvitsemme apua iltaisin.',
	parentsHeardOn: '',
	participation: 'Perhe osallistuu tiimin kokoukseen.',
	nextReviewOn: addMonths(today, 6),
	...extra
});

describe('/children/[childId]/plan', () => {
	it('a team member makes the plan; it opens as its printable version, logged', async () => {
		const r = await call('instructor', create.actions.save as any, {
			params: { childId },
			form: form()
		});
		expect(r.status).toBe(303);
		const [row] = await (
			await db()
		)
			.select()
			.from(clientPlan)
			.where(eq(clientPlan.childId, childId));
		expect(r.location).toBe(`/children/${childId}/plan/${row!.id}?saved=client_plan`);
		const page = await call('worker', version.load as any, {
			params: { childId, planId: row!.id }
		});
		expect(page.status).toBe(200);
		expect(page.value.version.plan.childView).toBe('Haluan käydä samaa koulua.');
		expect(await logRows(page.requestId)).toContainEqual(
			expect.objectContaining({ action: 'read', entity_type: 'client_plan', outcome: 'allowed' })
		);
		const listed = await call('worker', list.load as any, { params: { childId } });
		expect(listed.value.versions.map((v: { number: number }) => v.number)).toEqual([1]);
		// The next form is filled from version 1.
		const next = await call('worker', create.load as any, { params: { childId } });
		expect(next.value.form.data).toMatchObject({
			basedOn: 1,
			goals: 'Koulunkäynti säännölliseksi.'
		});
	});

	it('refuses an empty view and a review over a year away in words; nothing is saved', async () => {
		const before = await (
			await db()
		)
			.select()
			.from(clientPlan)
			.where(eq(clientPlan.childId, childId));
		const r = await call('worker', create.actions.save as any, {
			params: { childId },
			form: form({
				basedOn: String(before.length),
				childView: '',
				nextReviewOn: addMonths(today, 14)
			})
		});
		expect(r.status).toBe(400);
		expect(Object.keys(r.data.form.errors).sort()).toEqual(['childView']);
		const late = await call('worker', create.actions.save as any, {
			params: { childId },
			form: form({ basedOn: String(before.length), nextReviewOn: addMonths(today, 14) })
		});
		expect(late.status).toBe(400);
		expect(Object.keys(late.data.form.errors)).toEqual(['nextReviewOn']);
		const after = await (
			await db()
		)
			.select()
			.from(clientPlan)
			.where(eq(clientPlan.childId, childId));
		expect(after).toHaveLength(before.length);
	});

	it('a partner with a grant gets 404 on every plan page, each refusal logged', async () => {
		const [row] = await (
			await db()
		)
			.select()
			.from(clientPlan)
			.where(eq(clientPlan.childId, childId));
		for (const [fn, params, form_] of [
			[list.load, { childId }, undefined],
			[create.load, { childId }, undefined],
			[version.load, { childId, planId: row!.id }, undefined],
			[create.actions.save, { childId }, form({ basedOn: '1' })]
		] as const) {
			const r = await call('partner', fn as any, { params, form: form_ });
			expect(r.status).toBe(404);
			expect(await logRows(r.requestId)).toContainEqual(
				expect.objectContaining({ outcome: 'denied' })
			);
		}
	});
});
