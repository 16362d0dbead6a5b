import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { helsinkiDate } from '../../../domain/access';
import { accessLog, intensiveWorkflow, notification, planStep } from '../../db/schema';
import { partnerInbox } from '../grants';
import { myOpenSteps } from '../meetings';
import { ForbiddenError, NotFoundError } from '../../errors';
import {
	contextOf,
	db,
	makeChild,
	makeGrant,
	makeUser,
	makeWorkflow,
	staffOf,
	makeTeamScene,
	makePartner
} from '../../testing/fixtures';
import { changeWorkflow, getWorkflow, workflowsForChild } from './intensive';

const ctxFor = contextOf;

/** An active workflow with the substance services taking part, a school that is not. */
async function setup() {
	const d = await db();
	const { organisation: cp, team: t, users } = await makeTeamScene(['social_worker']);
	const worker = users.social_worker!;
	const { org: services, userId: nurse } = await makePartner('substance_abuse');
	const { org: school, userId: teacher } = await makePartner('school');
	const c = await makeChild(t.id, { responsibleWorkerId: worker });
	await makeGrant(c.id, school.id, worker);
	const w = await makeWorkflow(c.id, worker, { kind: 'intensive_substance', state: 'active' });
	const team = await ctxFor(worker, c.id);
	const today = helsinkiDate();
	await changeWorkflow(d, team, w.id, 1, { action: 'partner', organisationId: services.id });
	await changeWorkflow(d, team, w.id, 2, {
		action: 'step',
		what: 'Päihdetyöntekijän kotikäynti',
		who: 'Päihdepalvelut',
		dueOn: today,
		ownerOrganisationId: services.id
	});
	await changeWorkflow(d, team, w.id, 3, {
		action: 'step',
		what: 'Tiimin oma askel',
		who: 'Tiimi',
		dueOn: today
	});
	await changeWorkflow(d, team, w.id, 4, {
		action: 'entry',
		kind: 'contact',
		on: today,
		note: 'Tiimin muistiinpano'
	});
	return {
		d,
		w,
		childId: c.id,
		worker,
		nurse,
		teacher,
		services,
		school,
		team,
		today,
		orgId: cp.id,
		teamId: t.id
	};
}

describe('partners in intensive work (issue 12 B)', () => {
	it('a partner taking part sees the plan and its own entries, not the team’s notes', async () => {
		const s = await setup();
		const ctx = await ctxFor(s.nurse, s.childId);
		expect((await workflowsForChild(s.d, ctx)).map((x) => x.id)).toEqual([s.w.id]);
		await changeWorkflow(s.d, ctx, s.w.id, 5, {
			action: 'entry',
			kind: 'contact',
			on: s.today,
			note: 'Puhelu nuoren kanssa'
		});
		const view = await getWorkflow(s.d, ctx, s.w.id);
		expect(view.steps.map((x) => x.what).sort()).toEqual(
			['Päihdetyöntekijän kotikäynti', 'Tiimin oma askel'].sort()
		);
		expect(view.entries.map((e) => e.note)).toEqual(['Puhelu nuoren kanssa']);
		expect(view).toMatchObject({
			canManage: false,
			actions: [],
			workers: [],
			partnerOrganisationId: s.services.id
		});
		// The team still sees every entry.
		expect((await getWorkflow(s.d, s.team, s.w.id)).entries).toHaveLength(2);
	});

	it('marks its own step done and undoes it; not the team’s step', async () => {
		const s = await setup();
		const ctx = await ctxFor(s.nurse, s.childId);
		const steps = await s.d.select().from(planStep).where(eq(planStep.workflowId, s.w.id));
		const own = steps.find((x) => x.ownerOrganisationId === s.services.id)!;
		const teams = steps.find((x) => x.ownerOrganisationId === null)!;
		await changeWorkflow(s.d, ctx, s.w.id, 5, {
			action: 'step_done',
			stepId: own.id,
			stepVersion: 1
		});
		const [done] = await s.d.select().from(planStep).where(eq(planStep.id, own.id));
		expect(done!.doneBy).toBe(s.nurse);
		await expect(
			changeWorkflow(s.d, ctx, s.w.id, 6, { action: 'step_done', stepId: teams.id, stepVersion: 1 })
		).rejects.toMatchObject({ name: 'ConflictError' });
		const [untouched] = await s.d.select().from(planStep).where(eq(planStep.id, teams.id));
		expect(untouched!.doneAt).toBeNull();
	});

	it('may not add steps, reviews or partners, or change the state: 403, logged', async () => {
		const s = await setup();
		const ctx = await ctxFor(s.nurse, s.childId);
		for (const change of [
			{ action: 'step', what: 'x', who: 'y', dueOn: s.today },
			{ action: 'entry', kind: 'review', on: s.today, note: 'x' },
			{ action: 'partner', organisationId: s.school.id },
			{ action: 'close', outcome: 'improved', outcomeNote: '' }
		] as const)
			await expect(changeWorkflow(s.d, ctx, s.w.id, 5, change)).rejects.toBeInstanceOf(
				ForbiddenError
			);
		const [w] = await s.d.select().from(intensiveWorkflow).where(eq(intensiveWorkflow.id, s.w.id));
		expect(w!.version).toBe(5);
	});

	it('a partner with a grant that is not taking part: nothing listed, a logged 404', async () => {
		const s = await setup();
		const ctx = await ctxFor(s.teacher, s.childId);
		expect(await workflowsForChild(s.d, ctx)).toEqual([]);
		await expect(getWorkflow(s.d, ctx, s.w.id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			changeWorkflow(s.d, ctx, s.w.id, 5, {
				action: 'entry',
				kind: 'contact',
				on: s.today,
				note: 'x'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		const denied = await s.d
			.select()
			.from(accessLog)
			.where(and(eq(accessLog.entityId, s.w.id), eq(accessLog.outcome, 'denied')));
		expect(denied.map((r) => r.actorUserId)).toEqual([s.teacher, s.teacher]);
	});

	it('a step can be owned only by an organisation taking part', async () => {
		const s = await setup();
		await expect(
			changeWorkflow(s.d, s.team, s.w.id, 5, {
				action: 'step',
				what: 'x',
				who: 'y',
				dueOn: s.today,
				ownerOrganisationId: s.school.id
			})
		).rejects.toMatchObject({ name: 'FieldError' });
	});
});

describe('a partner given a part in intensive work is told (issue 33)', () => {
	it('its staff are notified when added and when given a step; its home lists its open steps', async () => {
		const s = await setup();
		const told = async (kind: string) =>
			(
				await s.d
					.select()
					.from(notification)
					.where(and(eq(notification.userId, s.nurse), eq(notification.kind, kind)))
			).length;
		expect(await told('workflow_partner_added')).toBe(1);
		expect(await told('workflow_step_assigned')).toBe(1);
		// The school, not taking part, is told nothing.
		const schoolTold = await s.d
			.select()
			.from(notification)
			.where(eq(notification.userId, s.teacher));
		expect(schoolTold.filter((n) => n.kind.startsWith('workflow_'))).toEqual([]);
		const home = await partnerInbox(s.d, await staffOf(s.nurse));
		expect(home.steps.map((x) => x.what)).toEqual(['Päihdetyöntekijän kotikäynti']);
		expect((await partnerInbox(s.d, await staffOf(s.teacher))).steps).toEqual([]);
		// Done, it leaves the list.
		const [step] = await s.d
			.select()
			.from(planStep)
			.where(
				and(eq(planStep.workflowId, s.w.id), eq(planStep.what, 'Päihdetyöntekijän kotikäynti'))
			);
		const ctx = await ctxFor(s.nurse, s.childId);
		await changeWorkflow(s.d, ctx, s.w.id, 5, {
			action: 'step_done',
			stepId: step!.id,
			stepVersion: step!.version
		});
		expect((await partnerInbox(s.d, await staffOf(s.nurse))).steps).toEqual([]);
	});
});

describe("the lead worker's own steps (§7)", () => {
	it("lists the team's open step of the workflow they lead, not the partner's; none once closed", async () => {
		const s = await setup();
		const mine = async (userId: string) =>
			(await myOpenSteps(s.d, await staffOf(userId)))
				.filter((r) => r.source === 'workflow')
				.map((r) => [r.what, r.link]);
		expect(await mine(s.worker)).toEqual([['Tiimin oma askel', s.w.id]]);
		// Another worker of the same team leads nothing: nothing of it is theirs.
		const other = (await makeUser('social_worker', { organisationId: s.orgId, teamId: s.teamId }))
			.user.id;
		expect(await mine(other)).toEqual([]);
		await s.d
			.update(intensiveWorkflow)
			.set({ state: 'closed' })
			.where(eq(intensiveWorkflow.id, s.w.id));
		expect(await mine(s.worker)).toEqual([]);
	});
});
