import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { helsinkiDate } from '../../../domain/access';
import { addMonths, firstClientPlanDue } from '../../../domain/clocks';
import { addDays } from '../../../domain/working-days';
import { accessLog, clientPlan, organisation, statutoryClock } from '../../db/schema';
import { ConflictError, FieldError, ForbiddenError } from '../../errors';
import {
	contextOf,
	db,
	makeChild,
	makeGrant,
	makeOrg,
	makeTeam,
	makeUser,
	makePartner
} from '../../testing/fixtures';
import {
	clientPlans,
	clientPlanVersion,
	saveClientPlan,
	type ClientPlanInput
} from './client-plans';
import { changePhase } from './phases';

const now = new Date();
const today = helsinkiDate(now);

/** A child of a new team made a client `daysAgo` days ago through the app. */
async function newClient(daysAgo = 10, firstPlanDays?: number) {
	const cp = await makeOrg('child_protection');
	if (firstPlanDays)
		await (
			await db()
		)
			.update(organisation)
			.set({ firstClientPlanDays: firstPlanDays })
			.where(eq(organisation.id, cp.id));
	const t = await makeTeam(cp.id);
	const worker = (await makeUser('social_worker', { organisationId: cp.id, teamId: t.id })).user.id;
	const c = await makeChild(t.id, {
		phase: 'needs_assessment',
		phaseSince: addDays(today, -100),
		responsibleWorkerId: worker
	});
	const ctx = await contextOf(worker, c.id);
	const on = addDays(today, -daysAgo);
	await changePhase(
		await db(),
		ctx,
		{
			fromPhase: 'needs_assessment',
			to: 'client',
			on,
			reason: '',
			placementKind: '',
			unitOrganisationId: '',
			placementPlace: ''
		},
		now
	);
	const clocks = () =>
		db().then((d) =>
			d
				.select()
				.from(statutoryClock)
				.where(and(eq(statutoryClock.childId, c.id), eq(statutoryClock.kind, 'client_plan_review')))
				.orderBy(statutoryClock.startedOn)
		);
	return { ctx, childId: c.id, worker, on, clocks };
}

const plan = (values: Partial<ClientPlanInput> = {}): ClientPlanInput => ({
	basedOn: 0,
	language: 'sv',
	madeOn: today,
	situation: 'Familjen har flyttat.',
	goals: 'Skolgången blir regelbunden.',
	services: 'Familjearbete – staden\nStödperson – föreningen',
	childView: 'Jag vill gå i samma skola.',
	childHeardOn: addDays(today, -2),
	parentsView: 'Vi behöver hjälp på kvällarna.',
	parentsHeardOn: '',
	participation: 'Familjen deltar i teamets möte var fjärde vecka.',
	nextReviewOn: addMonths(today, 6),
	...values
});

describe('the client plan (30 §)', () => {
	it('is first due the organisation’s days after the client phase starts', async () => {
		const s = await newClient(10, 14);
		const [clock] = await s.clocks();
		expect(clock).toMatchObject({ startedOn: s.on, dueOn: firstClientPlanDue(s.on, 14) });
		const d = await newClient(10);
		expect((await d.clocks())[0]!.dueOn).toBe(firstClientPlanDue(d.on, 30));
	});

	it('saves a version, meets the first clock on its date and starts the review it sets', async () => {
		const s = await newClient(40);
		const saved = await saveClientPlan(await db(), s.ctx, plan(), now);
		expect(saved.number).toBe(1);
		const [first, next] = await s.clocks();
		// Made 40 days after the start: met, and late (its due date is kept).
		expect(first).toMatchObject({ metOn: today, metBy: s.worker });
		expect(first!.dueOn < today).toBe(true);
		expect(next).toMatchObject({ startedOn: today, dueOn: addMonths(today, 6), metOn: null });
		const rows = await (
			await db()
		)
			.select()
			.from(accessLog)
			.where(and(eq(accessLog.childId, s.childId), eq(accessLog.entityType, 'client_plan')));
		expect(rows.map((r) => r.action)).toContain('create');
	});

	it('keeps every version: a new one supersedes, the one before stays as it was', async () => {
		const s = await newClient();
		const d = await db();
		const v1 = await saveClientPlan(d, s.ctx, plan(), now);
		const v2 = await saveClientPlan(d, s.ctx, plan({ basedOn: 1, goals: 'Ny mål.' }), now);
		expect(v2.number).toBe(2);
		const list = await clientPlans(d, s.ctx);
		expect(list.map((v) => v.number)).toEqual([2, 1]);
		const old = await clientPlanVersion(d, s.ctx, v1.id);
		expect(old.plan.goals).toBe('Skolgången blir regelbunden.');
		expect(old.supersededBy).toBe(2);
		expect((await clientPlanVersion(d, s.ctx, v2.id)).supersededBy).toBeNull();
	});

	it('refuses a version filled from an older one than the newest: nothing is overwritten', async () => {
		const s = await newClient();
		const d = await db();
		await saveClientPlan(d, s.ctx, plan(), now);
		// Two workers opened the form on version 1; the first saves version 2 …
		await saveClientPlan(d, s.ctx, plan({ basedOn: 1, goals: 'A' }), now);
		// … the second is told, and nothing of theirs replaces it.
		await expect(saveClientPlan(d, s.ctx, plan({ basedOn: 1, goals: 'B' }), now)).rejects.toEqual(
			new ConflictError({ basedOn: 2 })
		);
		const rows = await d.select().from(clientPlan).where(eq(clientPlan.childId, s.childId));
		expect(rows.map((r) => r.goals).sort()).toEqual(['A', 'Skolgången blir regelbunden.']);
	});

	it('refuses bad dates in words and writes nothing', async () => {
		const s = await newClient();
		const d = await db();
		const cases: [Partial<ClientPlanInput>, string][] = [
			[{ madeOn: addDays(today, 1), nextReviewOn: addMonths(today, 3) }, 'madeOn'],
			[{ nextReviewOn: addMonths(today, 13) }, 'nextReviewOn'],
			[{ nextReviewOn: today }, 'nextReviewOn'],
			[{ childHeardOn: addDays(today, 1) }, 'childHeardOn']
		];
		for (const [values, field] of cases) {
			const e = await saveClientPlan(d, s.ctx, plan(values), now).catch((x: unknown) => x);
			expect(e).toBeInstanceOf(FieldError);
			expect(Object.keys((e as FieldError).fields)).toEqual([field]);
		}
		expect(await d.select().from(clientPlan).where(eq(clientPlan.childId, s.childId))).toEqual([]);
		expect((await s.clocks()).filter((c) => c.metOn)).toEqual([]);
	});

	it('is made only for a client', async () => {
		const cp = await makeOrg('child_protection');
		const t = await makeTeam(cp.id);
		const worker = (await makeUser('social_worker', { organisationId: cp.id, teamId: t.id })).user
			.id;
		const c = await makeChild(t.id, { phase: 'needs_assessment' });
		const ctx = await contextOf(worker, c.id);
		await expect(saveClientPlan(await db(), ctx, plan(), now)).rejects.toBeInstanceOf(FieldError);
	});

	it('is the team’s: a partner with a grant can neither read nor make it', async () => {
		const s = await newClient();
		const d = await db();
		const v1 = await saveClientPlan(d, s.ctx, plan(), now);
		const { org: school, userId: teacher } = await makePartner('school');
		await makeGrant(s.childId, school.id, s.worker);
		const pctx = await contextOf(teacher, s.childId);
		await expect(clientPlans(d, pctx)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(clientPlanVersion(d, pctx, v1.id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(saveClientPlan(d, pctx, plan({ basedOn: 1 }), now)).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});

	it('answers 404 for another child’s plan by its id', async () => {
		const a = await newClient();
		const b = await newClient();
		const d = await db();
		const theirs = await saveClientPlan(d, b.ctx, plan(), now);
		await expect(clientPlanVersion(d, a.ctx, theirs.id)).rejects.toThrow('not found');
	});
});
