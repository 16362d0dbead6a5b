import { isHttpError, isRedirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDate } from '$lib/domain/access';
import { assessment } from '$lib/server/db/schema';
import {
	db,
	eventFor,
	makeAssessmentRequest,
	makeChild,
	makeGrant,
	makeOrg,
	makeTeam,
	makeUser
} from '$lib/server/testing/fixtures';
import * as overview from './[childId]/+page.server';
import * as newAssessment from './[childId]/assessments/new/[[requestId]]/+page.server';
import * as view from '../assessments/[assessmentId]/+page.server';
import * as edit from '../assessments/[assessmentId]/edit/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

async function call(fn: () => unknown) {
	try {
		const v: any = await fn();
		if (v && typeof v === 'object' && 'status' in v && 'data' in v)
			return { status: v.status as number, data: v.data };
		return { status: 200, data: v };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location };
		if (isHttpError(e)) return { status: e.status };
		throw e;
	}
}

let childId: string;
let teamUser: string;
let school: string;
let schoolUser2: string;
let clinicUser: string;
let requestId: string;

beforeAll(async () => {
	const cp = await makeOrg('child_protection');
	const t = await makeTeam(cp.id);
	teamUser = (await makeUser('consultant_social_worker', { organisationId: cp.id, teamId: t.id }))
		.user.id;
	const schoolOrg = await makeOrg('school');
	const clinicOrg = await makeOrg('child_health_clinic');
	school = (await makeUser('partner', { organisationId: schoolOrg.id })).user.id;
	schoolUser2 = (await makeUser('partner', { organisationId: schoolOrg.id })).user.id;
	clinicUser = (await makeUser('partner', { organisationId: clinicOrg.id })).user.id;
	childId = (await makeChild(t.id, { dateOfBirth: '2014-02-02' })).id;
	const today = helsinkiDate();
	for (const org of [schoolOrg.id, clinicOrg.id]) {
		await makeGrant(childId, org, teamUser, {
			basis: 'consent',
			consentGivenBy: 'huoltaja',
			consentGivenOn: today
		});
	}
	requestId = (await makeAssessmentRequest(childId, schoolOrg.id, teamUser, { dueDate: today })).id;
});

const post = async (user: string, action: 'save' | 'submit', form: Record<string, string>) =>
	call(async () =>
		newAssessment.actions[action]!(
			(await eventFor(user, { params: { childId: childId }, form })) as any
		)
	);

describe('assessment validation', () => {
	it('refuses a submission with no rated item, keeping what was typed', async () => {
		const r: any = await post(school, 'submit', {
			childView: 'Lapsen oma sana',
			familyInformed: 'yes',
			e_S1: 'muistiinpano'
		});
		expect(r.status).toBe(400);
		expect(r.data.form.errors._errors?.[0]).toMatch(/vähintään yksi/);
		expect(r.data.form.data.childView).toBe('Lapsen oma sana');
		expect(r.data.form.data.e_S1).toBe('muistiinpano');
	});

	it('accepts only 0–3 or empty as a rating', async () => {
		const r: any = await post(school, 'submit', { r_S1: '4', familyInformed: 'yes' });
		expect(r.status).toBe(400);
		expect(r.data.form.errors.r_S1?.[0]).toBeTruthy();
	});

	it('refuses unknown items and unknown fields, saving nothing', async () => {
		const d = await db();
		const forms: Record<string, string>[] = [
			{ r_Z9: '2', r_S1: '1', familyInformed: 'yes' },
			{ r_S1: '1', familyInformed: 'yes', admin: 'true' }
		];
		for (const form of forms) {
			const r: any = await post(school, 'submit', form);
			expect(r.status).toBe(400);
			expect(r.data.form.errors._errors?.[0]).toMatch(/tuntemattomia/);
		}
		expect(await d.select().from(assessment).where(eq(assessment.authorId, school))).toHaveLength(
			0
		);
	});

	it('bounds text lengths', async () => {
		const r: any = await post(school, 'submit', {
			r_S1: '1',
			familyInformed: 'yes',
			childView: 'x'.repeat(4001)
		});
		expect(r.status).toBe(400);
		expect(r.data.form.errors.childView?.[0]).toMatch(/4000/);
	});

	it('needs an answer on whether the family was told', async () => {
		const r: any = await post(school, 'submit', { r_S1: '1' });
		expect(r.status).toBe(400);
		expect(r.data.form.errors.familyInformed?.[0]).toBeTruthy();
	});
});

describe('drafts, submission and corrections', () => {
	let firstId: string;

	it('a draft is visible to its author only', async () => {
		const r: any = await post(school, 'save', { r_L1: '2', familyInformed: '' });
		expect(r.status).toBe(303);
		const draftId = r.location.match(/assessments\/([0-9a-f-]+)\/edit/)[1];
		const mine: any = await call(async () =>
			edit.load((await eventFor(school, { params: { assessmentId: draftId } })) as any)
		);
		expect(mine.status).toBe(200);
		for (const other of [schoolUser2, teamUser]) {
			const r2 = await call(async () =>
				edit.load((await eventFor(other, { params: { assessmentId: draftId } })) as any)
			);
			expect(r2.status).toBe(404);
		}
		// Submitting the draft, linked to the open request, completes the request.
		const sub: any = await call(async () =>
			edit.actions.submit!(
				(await eventFor(school, {
					params: { assessmentId: draftId },
					form: {
						assessmentId: draftId,
						version: '1',
						requestId,
						r_L1: '2',
						r_S1: '3',
						familyInformed: 'yes',
						childView: 'Pelottaa'
					}
				})) as any
			)
		);
		expect(sub).toMatchObject({ status: 303, location: `/assessments/${draftId}?saved=submitted` });
		firstId = draftId;
	});

	it('a submitted assessment cannot be edited any more', async () => {
		const d = await db();
		const r = await call(async () =>
			edit.actions.save!(
				(await eventFor(school, {
					params: { assessmentId: firstId },
					form: { assessmentId: firstId, version: '2', r_S1: '0' }
				})) as any
			)
		);
		expect(r.status).toBe(404);
		const [row] = await d.select().from(assessment).where(eq(assessment.id, firstId));
		expect(row?.ratings.S1?.rating).toBe(3);
		expect(row?.status).toBe('submitted');
	});

	it('a correction is a new version; both stay readable to the team', async () => {
		const start: any = await call(async () =>
			view.actions.correct!(
				(await eventFor(schoolUser2, { params: { assessmentId: firstId } })) as any
			)
		);
		expect(start.status).toBe(303);
		const correctionId = start.location.match(/assessments\/([0-9a-f-]+)\/edit/)[1];
		const sub: any = await call(async () =>
			edit.actions.submit!(
				(await eventFor(schoolUser2, {
					params: { assessmentId: correctionId },
					form: {
						assessmentId: correctionId,
						version: '1',
						r_L1: '2',
						r_S1: '2',
						familyInformed: 'yes'
					}
				})) as any
			)
		);
		expect(sub.status).toBe(303);
		const list: any = await call(async () =>
			overview.load((await eventFor(teamUser, { params: { childId: childId } })) as any)
		);
		const ids = list.data.assessments.map((a: any) => [a.id, a.superseded]);
		expect(ids).toEqual(
			expect.arrayContaining([
				[firstId, true],
				[correctionId, false]
			])
		);
		const old: any = await call(async () =>
			view.load((await eventFor(teamUser, { params: { assessmentId: firstId } })) as any)
		);
		expect(old.data.assessment.supersededById).toBe(correctionId);
		expect(old.data.assessment.a.ratings.S1.rating).toBe(3);
		// A second correction of the old version is refused.
		const again: any = await call(async () =>
			view.actions.correct!((await eventFor(school, { params: { assessmentId: firstId } })) as any)
		);
		expect(again.status).toBe(409);
	});

	it('another partner never sees the school’s assessment, by list or by id', async () => {
		const list: any = await call(async () =>
			overview.load((await eventFor(clinicUser, { params: { childId: childId } })) as any)
		);
		expect(list.status).toBe(200);
		expect(list.data.assessments).toEqual([]);
		expect(JSON.stringify(list.data)).not.toContain('Pelottaa');
		const byId = await call(async () =>
			view.load((await eventFor(clinicUser, { params: { assessmentId: firstId } })) as any)
		);
		expect(byId.status).toBe(404);
	});

	it('the team cannot rewrite a partner’s assessment', async () => {
		const r = await call(async () =>
			view.actions.correct!(
				(await eventFor(teamUser, { params: { assessmentId: firstId } })) as any
			)
		);
		expect([400, 403]).toContain(r.status);
	});
});
