import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { helsinkiDate } from '../../../domain/access';
import { consultation, flag, intensiveWorkflow, notification, planStep } from '../../db/schema';
import {
	accessOf,
	contextOf,
	db,
	makeChild,
	makeFlag,
	makeGrant,
	makePartner,
	makeTeamScene,
	makeWorkflow,
	submission
} from '../../testing/fixtures';
import { saveAssessment } from '../assessments/assessments';
import { changeConsultation, requestConsultation } from '../consultations/consultations';
import { ConflictError, FieldError } from '../../errors';
import { raiseFlagsForStatusChange, triageFlag } from './flags';
import { SUBSTANCE_FLAG_RATING, triageDueOn, type StatusFacts } from '../../../domain/flags';
import { changeWorkflow } from '../intensive/intensive';
import { notifyOverdue } from '../notifications/overdue';
import { recomputeChildStatus } from '../status/status';
import { ForbiddenError } from '../../errors';
import { counting } from '../../testing/counting';
import { sqlState } from '../../testing/routes';

const ctxFor = contextOf;

async function setup() {
	const d = await db();
	const { teamId, users } = await makeTeamScene([
		'consultant_social_worker',
		'social_worker',
		'coordinator'
	]);
	const [consultant, worker, coordinator] = [
		users.consultant_social_worker!,
		users.social_worker!,
		users.coordinator!
	];
	const school = await makePartner('school');
	const partner = school.userId;
	const c = await makeChild(teamId, { responsibleWorkerId: worker, dateOfBirth: '2011-03-03' });
	await makeGrant(c.id, school.organisationId, worker, {
		basis: 'consent',
		consentGivenBy: 'huoltaja',
		consentGivenOn: helsinkiDate()
	});
	await recomputeChildStatus(d, c.id, 'child_created');
	return { d, teamId, childId: c.id, consultant, worker, coordinator, partner };
}

const submit = submission;

const flagsOf = async (childId: string) =>
	(await db()).select().from(flag).where(eq(flag.childId, childId));

/** A plan step as the form sends it, due today. */
const stepForm = (what = 'x', who = 'y') => ({
	action: 'step' as const,
	what,
	who,
	dueOn: helsinkiDate()
});

describe('flags', () => {
	it('are raised with the status change, in its transaction, and never twice', async () => {
		const s = await setup();
		const ctx = await ctxFor(s.partner, s.childId);
		await saveAssessment(s.d, ctx, submit({ r_S1: '3' }));
		let flags = await flagsOf(s.childId);
		expect(flags).toEqual([
			expect.objectContaining({
				trigger: 'turned_red',
				status: 'open',
				suggestedWorkflow: 'intensive_family'
			})
		]);
		// The red flag tells the consultant and the responsible worker.
		const notes = await s.d
			.select()
			.from(notification)
			.where(eq(notification.link, `/flags/${flags[0]!.id}`));
		expect(notes.map((n) => n.userId).sort()).toEqual([s.consultant, s.worker].sort());
		// Still red after another assessment: no second flag.
		await saveAssessment(s.d, ctx, submit({ r_S1: '3', r_L1: '1' }));
		flags = await flagsOf(s.childId);
		expect(flags.filter((f) => f.trigger === 'turned_red')).toHaveLength(1);
	});

	it('roll back with the status when anything after the update fails', async () => {
		const s = await setup();
		const ctx = await ctxFor(s.partner, s.childId);
		await expect(
			saveAssessment(s.d, ctx, submit({ r_S1: '3' }), () => {
				throw new Error('boom');
			})
		).rejects.toThrow('boom');
		expect(await flagsOf(s.childId)).toEqual([]);
	});

	it('a second open flag for the same child and trigger is refused by the database', async () => {
		const s = await setup();
		const row = {
			childId: s.childId,
			trigger: 'disagreement' as const,
			suggestedWorkflow: 'consultation' as const,
			raisedAt: new Date(),
			dueOn: helsinkiDate()
		};
		await s.d.insert(flag).values(row);
		// The database's own unique index, not the app, refuses the second open flag.
		await expect(s.d.insert(flag).values(row)).rejects.toSatisfy((e) => sqlState(e) === '23505');
	});

	it('triage: only the consultant social worker; accepting starts the workflow', async () => {
		const s = await setup();
		await saveAssessment(s.d, await ctxFor(s.partner, s.childId), submit({ r_S1: '3' }));
		const [f] = await flagsOf(s.childId);
		for (const who of [s.worker, s.coordinator]) {
			await expect(
				triageFlag(s.d, await ctxFor(who, s.childId), f!.id, {
					decision: 'intensive_family',
					note: '',
					version: f!.version
				})
			).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect((await flagsOf(s.childId))[0]!.status).toBe('open');
		const ctx = await ctxFor(s.consultant, s.childId);
		await expect(
			triageFlag(s.d, ctx, f!.id, { decision: 'dismiss', note: ' ', version: f!.version })
		).rejects.toBeInstanceOf(FieldError);
		const r = await triageFlag(s.d, ctx, f!.id, {
			decision: 'intensive_substance',
			note: '',
			version: f!.version
		});
		const [w] = await s.d
			.select()
			.from(intensiveWorkflow)
			.where(eq(intensiveWorkflow.id, r.intensiveId!));
		expect(w).toMatchObject({
			kind: 'intensive_substance',
			state: 'proposed',
			leadWorkerId: s.worker
		});
		expect((await flagsOf(s.childId))[0]).toMatchObject({
			status: 'accepted',
			decidedWorkflow: 'intensive_substance'
		});
		// Deciding again on the old version: refused, nothing changes.
		await expect(
			triageFlag(s.d, ctx, f!.id, { decision: 'dismiss', note: 'x', version: f!.version })
		).rejects.toBeInstanceOf(ConflictError);
	});
});

describe('intensive workflow', () => {
	it('follows the state machine, keeps a plan, and refuses stale edits', async () => {
		const s = await setup();
		const d = s.d;
		const w = await makeWorkflow(s.childId, s.consultant, { leadWorkerId: s.worker });
		const ctx = await ctxFor(s.worker, s.childId);
		// Closing a proposed workflow is refused with a message, nothing changes.
		await expect(
			changeWorkflow(d, ctx, w.id, 1, { action: 'close', outcome: 'improved', outcomeNote: '' })
		).rejects.toBeInstanceOf(FieldError);
		await changeWorkflow(d, ctx, w.id, 1, { action: 'activate', leadWorkerId: s.worker });
		// A form still based on version 1: refused, the activation stands.
		await expect(changeWorkflow(d, ctx, w.id, 1, stepForm())).rejects.toBeInstanceOf(ConflictError);
		expect(await d.select().from(planStep).where(eq(planStep.workflowId, w.id))).toEqual([]);
		await changeWorkflow(d, ctx, w.id, 2, stepForm('Kotikäynti', 'Mikko'));
		const [step] = await d.select().from(planStep).where(eq(planStep.workflowId, w.id));
		await changeWorkflow(d, ctx, w.id, 3, {
			action: 'step_done',
			stepId: step!.id,
			stepVersion: 1
		});
		expect(
			(await d.select().from(planStep).where(eq(planStep.id, step!.id)))[0]!.doneAt
		).not.toBeNull();
		// A step marked done by mistake is undone (issue 12 A8); an undo from a stale page,
		// or of a step that is not done, is refused and changes nothing.
		await changeWorkflow(d, ctx, w.id, 4, {
			action: 'step_undone',
			stepId: step!.id,
			stepVersion: 2
		});
		const [undone] = await d.select().from(planStep).where(eq(planStep.id, step!.id));
		expect(undone).toMatchObject({ doneAt: null, doneBy: null, version: 3 });
		await expect(
			changeWorkflow(d, ctx, w.id, 5, { action: 'step_undone', stepId: step!.id, stepVersion: 3 })
		).rejects.toBeInstanceOf(ConflictError);
		await changeWorkflow(d, ctx, w.id, 5, {
			action: 'step_done',
			stepId: step!.id,
			stepVersion: 3
		});
		// A partner organisation gets access for the workflow's life.
		const { org: clinic, userId: nurse } = await makePartner('child_health_clinic');
		expect(await accessOf(nurse, s.childId)).toBeNull();
		await changeWorkflow(d, ctx, w.id, 6, { action: 'partner', organisationId: clinic.id });
		expect((await ctxFor(nurse, s.childId))?.access.basis).toBe('workflow');
		await changeWorkflow(d, ctx, w.id, 7, {
			action: 'close',
			outcome: 'improved',
			outcomeNote: ''
		});
		expect(await accessOf(nurse, s.childId)).toBeNull();
		// Closed: no more steps.
		await expect(changeWorkflow(d, ctx, w.id, 8, stepForm())).rejects.toBeInstanceOf(FieldError);
	});
});

describe("a flag's deadline (§6)", () => {
	it('an urgent request joining an open flag brings it to 1 working day; a normal one never later', async () => {
		const s = await setup();
		const pctx = await ctxFor(s.partner, s.childId);
		const ask = (urgency: 'normal' | 'urgent', now: Date) =>
			requestConsultation(s.d, pctx, { question: 'Mitä tehdä?', urgency, background: '' }, now);
		const monday = new Date('2026-11-23T08:00:00Z');
		await ask('normal', monday);
		const open = async () =>
			(await flagsOf(s.childId)).filter(
				(f) => f.trigger === 'consultation_requested' && f.status === 'open'
			);
		expect((await open()).map((f) => f.dueOn)).toEqual([
			triageDueOn('consultation_requested', '2026-11-23')
		]);
		// Tuesday an urgent request joins the same flag: due Wednesday, not the Monday after.
		const tuesday = new Date('2026-11-24T08:00:00Z');
		await ask('urgent', tuesday);
		expect((await open()).map((f) => f.dueOn)).toEqual(['2026-11-25']);
		// A later normal request does not push it back.
		await ask('normal', new Date('2026-11-24T12:00:00Z'));
		expect((await open()).map((f) => f.dueOn)).toEqual(['2026-11-25']);
	});
});

describe('consultation', () => {
	it('a partner requests; the coordinator schedules and records; the partner sees the outcome', async () => {
		const s = await setup();
		const pctx = await ctxFor(s.partner, s.childId);
		const id = await requestConsultation(s.d, pctx, {
			question: 'Mitä tehdä?',
			urgency: 'normal',
			background: ''
		});
		expect((await flagsOf(s.childId)).map((f) => f.trigger)).toContain('consultation_requested');
		const coordNote = await s.d
			.select()
			.from(notification)
			.where(
				and(eq(notification.userId, s.coordinator), eq(notification.kind, 'consultation_requested'))
			);
		expect(coordNote).toHaveLength(1);
		const cctx = await ctxFor(s.coordinator, s.childId);
		// Only the coordinator moves it on.
		await expect(
			changeConsultation(s.d, await ctxFor(s.worker, s.childId), id, 1, {
				action: 'decline',
				data: { reason: 'x' }
			})
		).rejects.toBeInstanceOf(ForbiddenError);
		// Recording before scheduling is refused by the state machine.
		await expect(
			changeConsultation(s.d, cctx, id, 1, {
				action: 'record',
				data: {
					hypotheses: ['h'],
					recommendations: 'r',
					followUpOwnerId: s.worker,
					followUpOn: helsinkiDate()
				}
			})
		).rejects.toBeInstanceOf(FieldError);
		await changeConsultation(s.d, cctx, id, 1, {
			action: 'schedule',
			data: {
				scheduledAt: new Date(Date.now() + 86400_000),
				place: 'Huone 1',
				participantOrganisationIds: [],
				participantUserIds: [s.consultant, s.partner]
			}
		});
		// A stale edit (version 1) is refused and changes nothing.
		await expect(
			changeConsultation(s.d, cctx, id, 1, { action: 'decline', data: { reason: 'x' } })
		).rejects.toBeInstanceOf(ConflictError);
		const [mid] = await s.d.select().from(consultation).where(eq(consultation.id, id));
		expect(mid).toMatchObject({ state: 'scheduled', version: 2, declineReason: null });
		const record = {
			action: 'record' as const,
			data: {
				hypotheses: ['Perhe on uupunut.'],
				recommendations: 'Kotikäynti.',
				followUpOwnerId: s.worker,
				followUpOn: helsinkiDate()
			}
		};
		// Not before the meeting has been held.
		await expect(changeConsultation(s.d, cctx, id, 2, record)).rejects.toBeInstanceOf(FieldError);
		await changeConsultation(s.d, cctx, id, 2, record, new Date(Date.now() + 2 * 86400_000));
		const outcome = await s.d
			.select()
			.from(notification)
			.where(
				and(eq(notification.userId, s.partner), eq(notification.kind, 'consultation_outcome'))
			);
		expect(outcome).toHaveLength(1);
		const [held] = await s.d.select().from(consultation).where(eq(consultation.id, id));
		expect(held).toMatchObject({ state: 'held', hypotheses: ['Perhe on uupunut.'] });
	});
});

describe('overdue notices', () => {
	it('tell the consultant and worker about an overdue flag, and the lead about a review, once', async () => {
		const s = await setup();
		const now = new Date();
		const f = await makeFlag(s.childId, {
			trigger: 'disagreement',
			raisedAt: new Date(now.getTime() - 20 * 86400_000),
			dueOn: helsinkiDate(new Date(now.getTime() - 10 * 86400_000))
		});
		const w = await makeWorkflow(s.childId, s.consultant, {
			state: 'active',
			leadWorkerId: s.coordinator,
			nextReviewOn: helsinkiDate(new Date(now.getTime() - 86400_000)),
			createdAt: now
		});
		// Several instances' workers at the same moment (issue 13): each notice still goes once.
		await Promise.all(Array.from({ length: 6 }, () => notifyOverdue(s.d, now)));
		await notifyOverdue(s.d, now);
		const flagNotes = await s.d
			.select()
			.from(notification)
			.where(eq(notification.link, `/flags/${f.id}`));
		expect(flagNotes.map((n) => n.userId).sort()).toEqual([s.consultant, s.worker].sort());
		const reviewNotes = await s.d
			.select()
			.from(notification)
			.where(eq(notification.link, `/workflows/${w.id}`));
		expect(reviewNotes.map((n) => [n.userId, n.kind])).toEqual([[s.coordinator, 'review_overdue']]);
	});
});

describe('flags raised by one status change', () => {
	it("read the child's facts once, however many flags the change raises", async () => {
		const s = await setup();
		const now = new Date();
		const red: StatusFacts = { colour: 'red', signals: [], domainColours: {}, substance: null };
		const statementsFor = async (next: StatusFacts) => {
			const c = await makeChild(s.teamId);
			const { db: spied, seen } = counting(s.d);
			await raiseFlagsForStatusChange(spied, c.id, null, next, now);
			const raised = await s.d.select().from(flag).where(eq(flag.childId, c.id));
			return { statements: seen.statements, triggers: raised.map((f) => f.trigger).sort() };
		};
		const one = await statementsFor(red);
		const two = await statementsFor({ ...red, substance: SUBSTANCE_FLAG_RATING });
		expect(one.triggers).toEqual(['turned_red']);
		expect(two.triggers).toEqual(['substance', 'turned_red']);
		// The second flag is its own insert and nothing more: the facts are not read again.
		expect(two.statements - one.statements).toBe(1);
	});
});
