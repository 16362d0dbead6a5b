import type { Colour } from '../../../domain/colours';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { exactly, periodOf, protect, shownText } from '../../../domain/reports';
import {
	accessLog,
	caseloadConfirmation,
	consultation,
	familyFeedback,
	meetingDiscussion,
	phaseChange,
	statutoryClock,
	teamMeeting
} from '../../db/schema';
import { FieldError, ForbiddenError, NotFoundError } from '../../errors';
import {
	db,
	makeAssessment,
	makeAssessmentRequest,
	makeChild,
	makeContact,
	makeFamilyPerson,
	makeFlag,
	makeMeeting,
	makeOrg,
	makeStatusChange,
	makeTeam,
	makeUser,
	makeWorkflow,
	staffOf,
	testIdentityCode,
	makeHeldMeeting,
	makeClientPlan
} from '../../testing/fixtures';
import * as q from './figures';
import { keepMonth } from '../status';
import type { DbOrTx } from '../../db';
import { readReport, reportScope } from './reports';

/**
 * Every figure over one small data set whose numbers are worked out by hand below (dates
 * in Finnish time; 2026-01-01 is a Thursday, 6 January a holiday). The period is the first
 * quarter of 2026, read on 3 December 2026.
 */
const Q1 = periodOf('quarter', '2026-02-01');
const TODAY = '2026-12-03';
const at = (iso: string) => new Date(iso);

type Ids = Awaited<ReturnType<typeof build>>;
let w: Ids;

async function build() {
	const d = await db();
	const org = await makeOrg('child_protection');
	const other = await makeOrg('child_protection');
	const school = await makeOrg('school');
	const psych = await makeOrg('child_psychiatry');
	const team = await makeTeam(org.id);
	const sister = await makeTeam(org.id);
	const foreign = await makeTeam(other.id);
	const worker = await makeUser('social_worker', { organisationId: org.id, teamId: team.id });
	const consultant = await makeUser('consultant_social_worker', {
		organisationId: org.id,
		teamId: team.id
	});
	const coordinator = await makeUser('coordinator', { organisationId: org.id, teamId: team.id });
	const manager = await makeUser('region_manager', { organisationId: org.id });
	const kid = (values = {}) =>
		makeChild(team.id, { responsibleWorkerId: worker.user.id, phase: 'client', ...values });
	const [c1, c2, c3, c4, c5] = [
		await kid(),
		await kid(),
		await kid(),
		await kid(),
		await kid({ responsibleWorkerId: consultant.user.id, phase: 'contact' })
	];
	const c7 = await makeChild(sister.id);
	const c8 = await makeChild(foreign.id);
	// The consultant carries 16 more: 16 in the caseload (c5 is only a contact).
	for (let i = 0; i < 16; i++) await kid({ responsibleWorkerId: consultant.user.id });
	const by = worker.user.id;

	const h = (
		childId: string,
		iso: string,
		from: Colour | null,
		to: Colour,
		trigger = 'assessment'
	) => makeStatusChange(childId, { from, to, trigger, at: at(iso) });
	await h(c1.id, '2025-12-10T10:00:00Z', null, 'green');
	await h(c1.id, '2026-02-15T10:00:00Z', 'green', 'red');
	await h(c2.id, '2026-01-05T10:00:00Z', null, 'yellow');
	await h(c2.id, '2026-01-20T10:00:00Z', 'yellow', 'red', 'override');
	// 22.30 UTC on 31 January is 00.30 on 1 February in Finland: a February change.
	await h(c3.id, '2026-01-31T22:30:00Z', null, 'red');
	await h(c4.id, '2026-03-10T10:00:00Z', null, 'grey');
	await h(c5.id, '2026-03-05T10:00:00Z', 'red', 'yellow', 'override');
	await h(c5.id, '2026-03-06T10:00:00Z', 'yellow', 'red', 'override_cleared');
	await h(c7.id, '2026-01-10T10:00:00Z', null, 'green');
	await h(c8.id, '2026-01-10T10:00:00Z', null, 'red');
	await d.insert(phaseChange).values({
		childId: c4.id,
		fromPhase: 'client',
		toPhase: 'closed',
		on: '2026-03-20',
		changedBy: by,
		changedAt: at('2026-03-01T10:00:00Z')
	});

	const f = (values: Parameters<typeof makeFlag>[1]) =>
		makeFlag(values?.childId ?? c1.id, {
			raisedAt: at('2026-01-01T10:00:00Z'),
			dueOn: '2026-01-02',
			...values
		});
	// f1: red, triaged next working day into a consultation (1 day, on time).
	await f({
		raisedAt: at('2026-02-16T08:00:00Z'),
		dueOn: '2026-02-17',
		status: 'accepted',
		decidedWorkflow: 'consultation',
		triagedAt: at('2026-02-17T09:00:00Z'),
		triagedBy: by
	});
	// f2: red, dismissed four working days later (late).
	await f({
		childId: c3.id,
		raisedAt: at('2026-02-02T08:00:00Z'),
		dueOn: '2026-02-03',
		status: 'dismissed',
		dismissReason: 'x',
		triagedAt: at('2026-02-06T09:00:00Z'),
		triagedBy: by
	});
	// f3: a disagreement still open, its deadline long past.
	await f({
		childId: c2.id,
		trigger: 'disagreement',
		raisedAt: at('2026-01-07T08:00:00Z'),
		dueOn: '2026-01-14'
	});
	// f4: a disagreement raised on Friday 2 January, triaged Thursday 8 January: 3 working
	// days (Epiphany on Tuesday), on time.
	await f({
		childId: c5.id,
		trigger: 'disagreement',
		raisedAt: at('2026-01-02T08:00:00Z'),
		dueOn: '2026-01-09',
		status: 'accepted',
		decidedWorkflow: 'consultation',
		triagedAt: at('2026-01-08T09:00:00Z'),
		triagedBy: by
	});
	// f5: before the period.
	await f({ trigger: 'substance', raisedAt: at('2025-12-30T08:00:00Z'), dueOn: '2026-01-08' });
	// A red in the other organisation's team: never in these figures.
	await f({ childId: c8.id, raisedAt: at('2026-02-16T08:00:00Z'), dueOn: '2026-02-17' });

	// Meetings: 29 Jan (c3), 5 Feb (c3), 19 Feb (c1, c2); steps due 10 Feb (done),
	// 12 Feb (not done), 2 Mar (open) and 15 Apr (after the period).
	const meeting = async (
		iso: string,
		kids: string[],
		steps: [string, 'done' | 'not_done' | null][]
	) =>
		makeHeldMeeting(team.id, by, {
			startsAt: at(iso),
			children: kids,
			steps: steps.map(([dueOn, outcome]) => ({
				dueOn,
				outcome,
				outcomeNote: outcome === 'not_done' ? 'syy' : null
			})),
			preparedBy: coordinator.user.id,
			closedBy: coordinator.user.id
		});
	await meeting(
		'2026-01-29T10:00:00Z',
		[c3.id],
		[
			['2026-02-10', 'done'],
			['2026-02-12', 'not_done']
		]
	);
	await meeting('2026-02-05T10:00:00Z', [c3.id], []);
	await meeting(
		'2026-02-19T10:00:00Z',
		[c1.id, c2.id],
		[
			['2026-03-02', null],
			['2026-04-15', null]
		]
	);
	// A planned meeting counts for nothing.
	await makeMeeting(team.id, by, { startsAt: at('2026-02-26T10:00:00Z') });

	const k = (values: Partial<typeof consultation.$inferInsert>) =>
		d.insert(consultation).values({
			childId: c1.id,
			requestedBy: by,
			requesterOrganisationId: school.id,
			question: 'q',
			urgency: 'normal',
			createdAt: at('2026-01-01T10:00:00Z'),
			updatedAt: at('2026-01-01T10:00:00Z'),
			...values
		});
	await k({
		createdAt: at('2026-02-17T10:00:00Z'),
		state: 'held',
		scheduledAt: at('2026-02-24T10:00:00Z')
	});
	await k({
		childId: c2.id,
		requesterOrganisationId: psych.id,
		createdAt: at('2026-01-12T10:00:00Z'),
		state: 'declined'
	});
	await k({ childId: c5.id, createdAt: at('2026-03-02T10:00:00Z') });
	await k({
		childId: c3.id,
		createdAt: at('2026-03-03T10:00:00Z'),
		state: 'closed',
		scheduledAt: at('2026-03-05T10:00:00Z')
	});

	const iw = (values: Parameters<typeof makeWorkflow>[2]) =>
		makeWorkflow(values?.childId ?? c1.id, by, {
			state: 'closed',
			createdAt: at('2025-10-01T10:00:00Z'),
			...values
		});
	await iw({
		activatedAt: at('2026-01-15T10:00:00Z'),
		closedAt: at('2026-03-01T10:00:00Z'),
		outcome: 'placement'
	});
	await iw({
		childId: c2.id,
		activatedAt: at('2025-11-01T10:00:00Z'),
		closedAt: at('2026-02-10T10:00:00Z'),
		outcome: 'improved'
	});
	await iw({
		childId: c3.id,
		kind: 'intensive_substance',
		state: 'active',
		activatedAt: at('2026-03-10T10:00:00Z')
	});
	await iw({
		childId: c5.id,
		activatedAt: at('2025-10-01T10:00:00Z'),
		closedAt: at('2025-12-20T10:00:00Z'),
		outcome: 'other'
	});
	await d.insert(phaseChange).values({
		childId: c1.id,
		fromPhase: 'client',
		toPhase: 'placement',
		on: '2026-03-01',
		placementKind: 'care_order',
		changedBy: by,
		changedAt: at('2026-03-01T10:00:00Z')
	});

	await d.insert(caseloadConfirmation).values([
		{
			workerId: consultant.user.id,
			childId: c5.id,
			caseloadBefore: 30,
			reason: 'r',
			confirmedBy: consultant.user.id,
			createdAt: at('2026-02-01T10:00:00Z')
		},
		{
			workerId: consultant.user.id,
			childId: c5.id,
			caseloadBefore: 30,
			reason: 'r',
			confirmedBy: consultant.user.id,
			createdAt: at('2025-12-01T10:00:00Z')
		}
	]);

	const a = (
		childId: string,
		organisationId: string,
		iso: string,
		status: 'submitted' | 'draft' = 'submitted'
	) =>
		makeAssessment(childId, organisationId, by, {
			status,
			submittedAt: status === 'submitted' ? at(iso) : null
		});
	await a(c1.id, school.id, '2026-01-10T10:00:00Z');
	await a(c2.id, school.id, '2026-02-11T10:00:00Z');
	// 21.30 UTC on 31 March is 1 April in Finland: after the period.
	await a(c3.id, school.id, '2026-03-31T21:30:00Z');
	await a(c1.id, psych.id, '2026-02-01T10:00:00Z');
	await a(c1.id, school.id, '2026-02-02T10:00:00Z', 'draft');
	const r = (
		childId: string,
		organisationId: string,
		dueDate: string,
		values: Parameters<typeof makeAssessmentRequest>[3] = {}
	) => makeAssessmentRequest(childId, organisationId, by, { dueDate, ...values });
	await r(c1.id, school.id, '2026-01-12', {
		status: 'completed',
		completedAt: at('2026-01-10T10:00:00Z')
	});
	await r(c2.id, school.id, '2026-02-05', {
		status: 'completed',
		completedAt: at('2026-02-11T10:00:00Z')
	});
	await r(c3.id, school.id, '2026-03-20');
	await r(c1.id, psych.id, '2026-04-10');
	await r(c2.id, school.id, '2026-02-01', { status: 'cancelled' });

	const contact = async (
		childId: string,
		kind: 'notification' | 'application',
		receivedOn: string
	) => {
		return (await makeContact(childId, by, org.id, { kind, receivedOn })).id;
	};
	// Received on the last day of the half-year: counts in it; its decision, made in April, in the next.
	const n1 = await contact(c1.id, 'notification', '2026-03-31');
	const n2 = await contact(c2.id, 'application', '2026-01-15');
	await contact(c3.id, 'notification', '2026-04-01');
	const clock = (
		childId: string,
		kind: 'decision' | 'needs_assessment' | 'client_plan_review',
		startedOn: string,
		dueOn: string,
		metOn: string | null,
		contactId: string | null = null
	) => d.insert(statutoryClock).values({ childId, kind, startedOn, dueOn, metOn, contactId });
	await clock(c1.id, 'decision', '2026-03-31', '2026-04-13', '2026-04-08', n1);
	await clock(c2.id, 'decision', '2026-01-15', '2026-01-26', '2026-01-30', n2);
	await clock(c2.id, 'needs_assessment', '2026-01-30', '2026-04-30', '2026-03-15');
	await clock(c5.id, 'needs_assessment', '2025-09-01', '2025-12-01', '2026-01-10');
	await clock(c1.id, 'client_plan_review', '2025-02-01', '2026-02-01', '2026-01-20');
	await clock(c3.id, 'decision', '2026-03-01', '2026-03-10', null);
	// Due on the half-year's last day and undecided at its end: late there, and late again
	// when decided in the next.
	await clock(c4.id, 'decision', '2026-03-20', '2026-03-31', '2026-04-02');

	return { team, sister, foreign, worker, consultant, coordinator, manager, c7, school, psych };
}

beforeAll(async () => {
	w = await build();
});

const scope = (over: Partial<q.Scope> = {}): q.Scope => ({
	teamIds: [w.team.id],
	period: Q1,
	today: TODAY,
	partnerKind: null,
	...over
});

describe('report figures on a fixed data set', () => {
	it('counts children by colour at each month end, leaving out closed cases and other teams', async () => {
		expect(await q.coloursByMonth(await db(), scope())).toEqual([
			{ month: '2026-01', red: 1, yellow: 0, green: 1, grey: 0 },
			{ month: '2026-02', red: 3, yellow: 0, green: 0, grey: 0 },
			{ month: '2026-03', red: 4, yellow: 0, green: 0, grey: 0 }
		]);
		// Both teams of the organisation: the sister team's green child as well.
		const both = await q.coloursByMonth(await db(), scope({ teamIds: [w.team.id, w.sister.id] }));
		expect(both.map((m) => m.green)).toEqual([2, 1, 1]);
	});

	it('counts the same from kept month-end colours as from the history (ADR 047)', async () => {
		const d = await db();
		const both = scope({ teamIds: [w.team.id, w.sister.id] });
		const live = await q.coloursByMonth(d, both);
		const split = await q.byTeam(d, both, q.coloursByMonth);
		expect(live.map((m) => m.red)).toEqual([1, 3, 4]);
		// Kept months are the whole database's: each try is rolled back.
		const undo = new Error('roll back');
		const rolledBack = (fn: (tx: DbOrTx) => Promise<void>) =>
			expect(d.transaction((tx) => fn(tx).then(() => Promise.reject(undo)))).rejects.toBe(undo);
		await rolledBack(async (tx) => {
			// February kept, January and March from the history; then all three kept.
			await keepMonth(tx, '2026-02-28');
			expect(await q.coloursByMonth(tx, both)).toEqual(live);
			for (const end of ['2026-01-31', '2026-03-31']) await keepMonth(tx, end);
			expect(await q.coloursByMonth(tx, both)).toEqual(live);
			expect(await q.byTeam(tx, both, q.coloursByMonth)).toEqual(split);
		});
		await rolledBack(async (tx) => {
			// A kept month is read from what was kept: March kept as all green shows so.
			await tx.execute(sql`insert into child_month_colour (month_end, child_id, colour)
				select '2026-03-31', c.id, 'green' from child c where c.team_id = ${w.team.id}`);
			await tx.execute(
				sql`insert into month_colour_kept (month_end, children) values ('2026-03-31', 0)`
			);
			const [, , march] = await q.coloursByMonth(tx, both);
			expect(march).toMatchObject({ red: 0, yellow: 0 });
			expect(march!.green).toBeGreaterThan(live[2]!.green);
		});
	});

	it('counts status changes and overrides by direction', async () => {
		expect(await q.overridesByMonth(await db(), scope())).toEqual([
			{ month: '2026-01', changes: 2, overrides: 1, raised: 1, lowered: 0, kept: 0 },
			{ month: '2026-02', changes: 2, overrides: 0, raised: 0, lowered: 0, kept: 0 },
			{ month: '2026-03', changes: 3, overrides: 1, raised: 0, lowered: 1, kept: 0 }
		]);
	});

	it('counts an override that keeps the colour as kept: raised, lowered and kept add up', async () => {
		const t = await makeTeam((await makeOrg('child_protection')).id);
		const child = await makeChild(t.id, { phase: 'client' });
		await makeStatusChange(child.id, { from: null, to: 'red', at: at('2026-02-02T09:00:00Z') });
		// The team confirms red until its review, then lowers it.
		await makeStatusChange(child.id, {
			from: 'red',
			to: 'red',
			trigger: 'override',
			at: at('2026-02-03T09:00:00Z')
		});
		await makeStatusChange(child.id, {
			from: 'red',
			to: 'yellow',
			trigger: 'override',
			at: at('2026-02-04T09:00:00Z')
		});
		const [, feb] = await q.overridesByMonth(await db(), scope({ teamIds: [t.id] }));
		expect(feb).toEqual({
			month: '2026-02',
			changes: 3,
			overrides: 2,
			raised: 0,
			lowered: 1,
			kept: 1
		});
	});

	it('counts flags by where they went, with working days to triage and the share on time', async () => {
		const rows = await q.flagsByOutcome(await db(), scope());
		const of = (o: string) => rows.find((r) => r.outcome === o);
		expect(of('consultation')).toEqual({
			outcome: 'consultation',
			flags: 2,
			triaged: 2,
			medianDays: 2,
			onTime: 2,
			due: 2
		});
		expect(of('dismissed')).toEqual({
			outcome: 'dismissed',
			flags: 1,
			triaged: 1,
			medianDays: 4,
			onTime: 0,
			due: 1
		});
		expect(of('open')).toEqual({
			outcome: 'open',
			flags: 1,
			triaged: 0,
			medianDays: null,
			onTime: 0,
			due: 1
		});
		expect(of('intensive_family')!.flags).toBe(0);
		const disagreements = await q.flagsByOutcome(await db(), scope(), 'disagreement');
		expect(disagreements.find((r) => r.outcome === 'consultation')).toMatchObject({
			flags: 1,
			medianDays: 3
		});
		expect(disagreements.find((r) => r.outcome === 'open')!.flags).toBe(1);
		expect(disagreements.find((r) => r.outcome === 'dismissed')!.flags).toBe(0);
	});

	it('times each red to its triage decision and to its first discussion in a meeting', async () => {
		expect(await q.redResponseByMonth(await db(), scope())).toEqual([
			{ month: '2026-01', reds: 0, triaged: 0, toTriage: null, discussed: 0, toDiscussion: null },
			{ month: '2026-02', reds: 2, triaged: 2, toTriage: 2.5, discussed: 2, toDiscussion: 3 },
			{ month: '2026-03', reds: 0, triaged: 0, toTriage: null, discussed: 0, toDiscussion: null }
		]);
	});

	it('counts consultations by month and state, and days from request to held', async () => {
		expect(await q.consultationsByMonth(await db(), scope())).toEqual([
			{ month: '2026-01', requested: 1, pending: 0, held: 0, declined: 1, medianDays: null },
			{ month: '2026-02', requested: 1, pending: 0, held: 1, declined: 0, medianDays: 5 },
			{ month: '2026-03', requested: 2, pending: 1, held: 1, declined: 0, medianDays: 2 }
		]);
		// The partner-kind filter: the school's requests only.
		const school = await q.consultationsByMonth(await db(), scope({ partnerKind: 'school' }));
		expect(school.map((m) => m.requested)).toEqual([0, 1, 2]);
	});

	it('counts intensive workflows started and closed, their outcomes and placements within six months', async () => {
		const [substance, family] = await q.intensiveByKind(await db(), scope());
		expect(substance).toMatchObject({
			kind: 'intensive_substance',
			started: 1,
			closed: 0,
			placed: 0
		});
		expect(family).toEqual({
			kind: 'intensive_family',
			started: 1,
			closed: 2,
			outcomes: { improved: 1, unchanged: 0, placement: 1, moved_away: 0, other: 0 },
			placed: 1
		});
	});

	it('reads the colour three months after a workflow closed, or says it is too early', async () => {
		const family = (await q.colourAfterIntensive(await db(), scope()))[1];
		expect(family).toEqual({
			kind: 'intensive_family',
			red: 2,
			yellow: 0,
			green: 0,
			grey: 0,
			notYet: 0
		});
		const early = (await q.colourAfterIntensive(await db(), scope({ today: '2026-04-01' })))[1];
		expect(early).toMatchObject({ red: 0, notYet: 2 });
	});

	it('bands the caseloads of responsible social workers and counts confirmed 31st children', async () => {
		expect(await q.caseloadBands(await db(), scope())).toEqual([
			{ band: 'under_15', workers: 1 },
			{ band: '15_20', workers: 1 },
			{ band: '21_30', workers: 0 },
			{ band: 'over_30', workers: 0 }
		]);
		expect(await q.caseloadConfirmations(await db(), scope())).toBe(1);
	});

	it('counts assessments received per partner kind and requests answered by the due date', async () => {
		const rows = await q.assessmentsByPartnerKind(await db(), scope());
		expect(rows.find((r) => r.kind === 'school')).toEqual({
			kind: 'school',
			received: 2,
			due: 3,
			answered: 1
		});
		expect(rows.find((r) => r.kind === 'child_psychiatry')).toEqual({
			kind: 'child_psychiatry',
			received: 1,
			due: 0,
			answered: 0
		});
		expect(
			await q.assessmentsByPartnerKind(await db(), scope({ partnerKind: 'child_psychiatry' }))
		).toEqual([{ kind: 'child_psychiatry', received: 1, due: 0, answered: 0 }]);
	});

	it('counts meetings held, children discussed and steps due and done', async () => {
		expect(await q.meetingsByMonth(await db(), scope())).toEqual([
			{ month: '2026-01', meetings: 1, children: 1, stepsDue: 0, stepsDone: 0 },
			{ month: '2026-02', meetings: 2, children: 3, stepsDue: 2, stepsDone: 1 },
			{ month: '2026-03', meetings: 0, children: 0, stepsDue: 1, stepsDone: 0 }
		]);
	});

	it('gives the family-level result: meetings and plans asked about, answered, heard and clear', async () => {
		const d = await db();
		const discussed = await d
			.select({
				meetingId: meetingDiscussion.meetingId,
				childId: meetingDiscussion.childId,
				startsAt: teamMeeting.startsAt
			})
			.from(meetingDiscussion)
			.innerJoin(teamMeeting, eq(teamMeeting.id, meetingDiscussion.meetingId))
			.where(eq(teamMeeting.teamId, w.team.id));
		const on = (iso: string) => discussed.filter((x) => x.startsAt.toISOString() === iso);
		const [jan] = on('2026-01-29T10:00:00.000Z');
		const [feb] = on('2026-02-19T10:00:00.000Z');
		const parent = await makeFamilyPerson(testIdentityCode(1980).code);
		const young = await makeFamilyPerson(testIdentityCode(2011).code);
		// A plan made on 10 March for the child discussed on 19 February.
		const plan = await makeClientPlan(feb!.childId, w.worker.user.id, {
			madeOn: '2026-03-10',
			nextReviewOn: '2026-09-10'
		});
		const answer = (v: Partial<typeof familyFeedback.$inferInsert>) =>
			d.insert(familyFeedback).values({
				childId: feb!.childId,
				personId: parent.id,
				basis: 'guardian',
				heard: 5,
				clear: 5,
				...v
			});
		// January: the one discussion answered, 4 and 4.
		await answer({ childId: jan!.childId, meetingId: jan!.meetingId, heard: 4, clear: 4 });
		// February: one of three discussions answered, by two people: heard 5 and 2, clear 3 and 4.
		await answer({ meetingId: feb!.meetingId, heard: 5, clear: 3 });
		await answer({
			meetingId: feb!.meetingId,
			personId: young.id,
			basis: 'own_data',
			heard: 2,
			clear: 4
		});
		// March: the plan, 5 and 5.
		await answer({ clientPlanId: plan.id });
		expect(await q.familyByMonth(d, scope())).toEqual([
			{ month: '2026-01', asked: 1, answered: 1, answers: 1, heard: 1, clear: 1 },
			{ month: '2026-02', asked: 3, answered: 1, answers: 2, heard: 1, clear: 1 },
			{ month: '2026-03', asked: 1, answered: 1, answers: 1, heard: 1, clear: 1 }
		]);
	});

	it('answers THL’s half-year questions, a contact on the last day in its own half, the undecided past the deadline as late', async () => {
		const winter = scope({ period: periodOf('half_year', '2026-01-01') });
		expect(await q.thlFollowUp(await db(), winter)).toEqual({
			contacts: 2,
			notifications: 1,
			// c2's late decision; c3's and c4's undecided past the deadline at the end (late).
			// c1's, due on 13 April, is not late at the end of March.
			decisions: { total: 3, onTime: 0, openLate: 2 },
			needsAssessments: { total: 2, onTime: 1, openLate: 0 }
		});
		const summer = scope({ period: periodOf('half_year', '2026-04-01') });
		expect(await q.thlFollowUp(await db(), summer)).toEqual({
			contacts: 1,
			notifications: 1,
			decisions: { total: 3, onTime: 1, openLate: 1 },
			needsAssessments: { total: 0, onTime: 0, openLate: 0 }
		});
	});
});

describe('who reads the reports', () => {
	it('gives the coordinator their own team and the region manager every team of the organisation', async () => {
		const own = await reportScope(await db(), await staffOf(w.coordinator.user.id));
		expect(own.teams.map((t) => t.id)).toEqual([w.team.id]);
		const region = await reportScope(await db(), await staffOf(w.manager.user.id));
		expect(region.teams.map((t) => t.id).sort()).toEqual([w.team.id, w.sister.id].sort());
		expect(region.region).toBe(true);
	});

	it('refuses the social worker, a partner and an admin', async () => {
		for (const role of ['social_worker', 'partner', 'admin', 'family_therapist'] as const) {
			const u = await makeUser(role);
			await expect(reportScope(await db(), await staffOf(u.user.id))).rejects.toThrow(
				ForbiddenError
			);
		}
	});

	it('answers 404 for a team outside the scope and keeps the denied row', async () => {
		const viewer = await staffOf(w.coordinator.user.id);
		const filter = { teamId: w.sister.id, period: Q1, partnerKind: null };
		await expect(readReport(await db(), viewer, filter, ['thl'])).rejects.toThrow(NotFoundError);
		const manager = await staffOf(w.manager.user.id);
		await expect(
			readReport(await db(), manager, { ...filter, teamId: w.foreign.id }, ['thl'])
		).rejects.toThrow(NotFoundError);
		const rows = await (
			await db()
		)
			.select()
			.from(accessLog)
			.where(and(eq(accessLog.requestId, viewer.requestId!), eq(accessLog.outcome, 'denied')));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ action: 'aggregate', entityType: 'report', childId: null });
	});

	it('logs a read as one aggregate row naming no child, and shows small counts as "< 5"', async () => {
		const viewer = await staffOf(w.manager.user.id);
		const { figures } = await readReport(
			await db(),
			viewer,
			{ teamId: w.team.id, period: periodOf('half_year', '2026-01-01'), partnerKind: null },
			['thl']
		);
		const shown = protect(figures[0]!.grid).map((r) => shownText(r[0]!));
		// 2 contacts = 1 + 1, 3 decisions = 0 + 3 (2 still open), 2 assessments = 1 + 1 (0
		// open): all small.
		expect(shown).toEqual([
			'< 5',
			'< 5',
			'< 5',
			'< 5',
			'0',
			'< 5',
			'< 5',
			'< 5',
			'< 5',
			'< 5',
			'0'
		]);
		const rows = await (
			await db()
		)
			.select()
			.from(accessLog)
			.where(eq(accessLog.requestId, viewer.requestId!));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			action: 'aggregate',
			entityType: 'report',
			basis: 'aggregate',
			outcome: 'allowed',
			childId: null,
			childIds: null,
			entityIds: [w.team.id]
		});
	});

	it('is exact for the team’s own members and for the THL sender; rounded across the boundary', async () => {
		const period = periodOf('half_year', '2026-01-01');
		const read = async (userId: string, keys: ['thl'] | 'system', p = period) =>
			readReport(
				await db(),
				await staffOf(userId),
				{ teamId: w.team.id, period: p, partnerKind: null },
				keys
			);
		// The team's coordinator reads its own figures exactly …
		expect((await read(w.coordinator.user.id, 'system')).exact).toBe(true);
		// … the region's management across teams does not (whole quarters only), but sends
		// the THL return exactly.
		expect((await read(w.manager.user.id, 'system', Q1)).exact).toBe(false);
		await expect(read(w.manager.user.id, 'system')).rejects.toThrow(FieldError);
		expect((await read(w.manager.user.id, ['thl'])).exact).toBe(true);
		// The consultant sends the team's THL return: exact; the coordinator does not send it.
		expect((await read(w.consultant.user.id, ['thl'])).exact).toBe(true);
		await expect(read(w.coordinator.user.id, ['thl'])).rejects.toThrow(FieldError);
		// Across the boundary, one kind of partner beside all would give counts away.
		await expect(
			readReport(
				await db(),
				await staffOf(w.manager.user.id),
				{ teamId: null, period: Q1, partnerKind: 'school' },
				'system'
			)
		).rejects.toThrow(FieldError);
		const { figures } = await read(w.consultant.user.id, ['thl']);
		expect(exactly(figures[0]!.grid).map((r) => shownText(r[0]!))).toEqual([
			'2',
			'1',
			'1',
			'3',
			'0',
			'3',
			'2',
			'2',
			'1',
			'1',
			'0'
		]);
	});
});

describe('a figure read for all teams and each team at once (grouping sets)', () => {
	const READERS: Record<
		string,
		(d: Awaited<ReturnType<typeof db>>, s: q.Scope) => Promise<unknown>
	> = {
		colours: q.coloursByMonth,
		overrides: q.overridesByMonth,
		flags: (d, s) => q.flagsByOutcome(d, s),
		disagreements: (d, s) => q.flagsByOutcome(d, s, 'disagreement'),
		red_response: q.redResponseByMonth,
		consultations: q.consultationsByMonth,
		intensive: q.intensiveByKind,
		after_intensive: q.colourAfterIntensive,
		caseloads: q.caseloadBands,
		confirmations: q.caseloadConfirmations,
		assessments: q.assessmentsByPartnerKind,
		meetings: q.meetingsByMonth,
		family: q.familyByMonth,
		thl: q.thlFollowUp
	};

	it('gives each part what reading that part alone gives, for every figure', async () => {
		const d = await db();
		// The sister team in the middle: a part taken from a neighbour's rows would show.
		const teamIds = [w.team.id, w.sister.id, w.foreign.id];
		for (const [key, read] of Object.entries(READERS)) {
			const split = await q.byTeam(d, scope({ teamIds }), read);
			const alone = await Promise.all(teamIds.map((id) => read(d, scope({ teamIds: [id] }))));
			expect({ key, all: split.all, teams: split.teams }).toEqual({
				key,
				all: await read(d, scope({ teamIds })),
				teams: alone
			});
		}
	});

	it('is not the same for every part: the teams differ and the total holds them all', async () => {
		const d = await db();
		const split = await q.byTeam(d, scope({ teamIds: [w.team.id, w.sister.id] }), q.coloursByMonth);
		expect(split.teams.map((t) => t.map((m) => m.green))).toEqual([
			[1, 0, 0],
			[1, 1, 1]
		]);
		expect(split.all.map((m) => m.green)).toEqual([2, 1, 1]);
	});
});
