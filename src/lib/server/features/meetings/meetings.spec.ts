import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDate } from '../../../domain/access';
import { addDays } from '../../../domain/working-days';
import { meetingDiscussion, meetingStep, teamMeeting } from '../../db/schema';
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from '../../errors';
import {
	contextOf,
	db,
	loggedItems,
	makeChild,
	makeOrg,
	makeStatusChange,
	makeTeam,
	makeUser,
	staffOf
} from '../../testing/fixtures';
import { counting } from '../../testing/counting';
import { sqlState } from '../../testing/routes';
import { familySummary } from '../path';
import type { Db } from '../../db';
import {
	addHypothesis,
	addStep,
	addToAgenda,
	advanceMeeting,
	discussionView,
	meetingView,
	meetingMeasures,
	myOpenSteps,
	prepareMeeting,
	removeFromAgenda,
	reorderAgenda,
	saveDiscussion,
	saveReflection,
	settleHypothesis,
	settleStep
} from '.';

const now = new Date();
const today = helsinkiDate(now);
const u: Record<string, string> = {};
let teamId: string;
let red: string;
let quiet: string;

beforeAll(async () => {
	const cp = await makeOrg('child_protection');
	teamId = (await makeTeam(cp.id)).id;
	for (const role of [
		'coordinator',
		'consultant_social_worker',
		'social_worker',
		'family_therapist'
	] as const)
		u[role] = (await makeUser(role, { organisationId: cp.id, teamId })).user.id;
	const otherTeam = (await makeTeam(cp.id)).id;
	u.stranger = (
		await makeUser('coordinator', { organisationId: cp.id, teamId: otherTeam })
	).user.id;
	u.partner = (await makeUser('partner', { organisationId: (await makeOrg('school')).id })).user.id;
	red = (await makeChild(teamId, { phase: 'client' })).id;
	quiet = (await makeChild(teamId, { phase: 'client' })).id;
	await makeStatusChange(red, {
		from: 'yellow',
		to: 'red',
		at: new Date(now.getTime() - 3600_000)
	});
});

const as = (who: string) => staffOf(u[who]!);
const thrown = (p: Promise<unknown>) =>
	p.then(
		() => null,
		(e: unknown) => e
	);

describe('preparing a meeting (§7)', () => {
	it('the coordinator prepares one: the red change first, with its reasons; the rest by rotation', async () => {
		const viewer = await as('coordinator');
		const { id } = await prepareMeeting(await db(), viewer, { startsAt: now }, now);
		const view = await meetingView(await db(), await as('social_worker'), id);
		const first = view.items[0]!;
		expect(first.childId).toBe(red);
		expect(first.reasons.map((r) => r.section)).toEqual(['colour_change', 'rotation']);
		expect(first.reasons[0]).toMatchObject({ from: 'yellow', to: 'red' });
		expect(view.items.find((i) => i.childId === quiet)!.reasons).toEqual([
			{ section: 'rotation', lastDiscussedOn: null }
		]);
		// The agenda's children are in the log as written, with the preparer as actor.
		const logged = await loggedItems(viewer.requestId!);
		expect(logged.filter((l) => l.action === 'write').map((l) => l.childId)).toEqual(
			expect.arrayContaining([red, quiet])
		);
	});

	it('only the coordinator or the consultant prepares; partners and other roles are refused', async () => {
		for (const who of ['social_worker', 'family_therapist', 'partner'])
			expect(
				await thrown(prepareMeeting(await db(), await as(who), { startsAt: now }, now))
			).toBeInstanceOf(ForbiddenError);
		const { id } = await prepareMeeting(
			await db(),
			await as('consultant_social_worker'),
			{ startsAt: now },
			now
		);
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
	});

	it("another team's coordinator gets 404, and the refusal is logged", async () => {
		const { id } = await prepareMeeting(
			await db(),
			await as('coordinator'),
			{ startsAt: now },
			now
		);
		const stranger = await as('stranger');
		expect(await thrown(meetingView(await db(), stranger, id))).toBeInstanceOf(NotFoundError);
		const logged = await loggedItems(stranger.requestId!);
		expect(logged).toEqual([
			expect.objectContaining({ entityType: 'team_meeting', entityId: id, outcome: 'denied' })
		]);
		expect(await thrown(meetingView(await db(), await as('partner'), id))).toBeInstanceOf(
			ForbiddenError
		);
	});

	it('adds a child by hand with a word why, removes one with a reason, reorders', async () => {
		const d = await db();
		const c = await as('coordinator');
		const { id } = await prepareMeeting(d, c, { startsAt: now }, now);
		let view = await meetingView(d, c, id);
		expect(await thrown(addToAgenda(d, c, id, { childId: red, note: 'uudelleen' }))).toBeInstanceOf(
			FieldError
		);
		const q = view.items.find((i) => i.childId === quiet)!;
		await removeFromAgenda(d, c, id, { itemId: q.id, version: q.version, reason: 'Ensi viikolla' });
		await addToAgenda(d, c, id, { childId: quiet, note: 'Perhe pyysi' });
		view = await meetingView(d, c, id);
		const back = view.items.find((i) => i.childId === quiet)!;
		expect(back.removedReason).toBeNull();
		expect(back.reasons.at(-1)).toEqual({ section: 'added', note: 'Perhe pyysi' });
		const live = view.items.filter((i) => !i.removedReason);
		// The number typed beside each child; equal numbers keep their present order.
		const first = live.map((i) => ({ itemId: i.id, position: i.id === back.id ? 1 : 2 }));
		// A list made on an older agenda (an item missing, or one not on it) changes nothing.
		expect(await thrown(reorderAgenda(d, c, id, first.slice(1)))).toBeInstanceOf(ConflictError);
		expect(
			await thrown(reorderAgenda(d, c, id, [...first, { itemId: q.id, position: 3 }]))
		).toBeInstanceOf(ConflictError);
		expect(await thrown(reorderAgenda(d, await as('social_worker'), id, first))).toBeInstanceOf(
			ForbiddenError
		);
		expect((await meetingView(d, c, id)).items[0]!.childId).toBe(red);
		expect(await reorderAgenda(d, c, id, first)).toEqual({ moved: live.length });
		view = await meetingView(d, c, id);
		expect(view.items.map((i) => i.childId).slice(0, 2)).toEqual([quiet, red]);
		// Saving the same order again moves nothing (and logs nothing).
		expect(await reorderAgenda(d, c, id, first)).toEqual({ moved: 0 });
		// Two people reordering at once (on PostgreSQL, truly at once): each runs under the
		// meeting's lock, so the agenda ends as one of the two orders, numbered 1…n.
		const current = (await meetingView(d, c, id)).items.filter((i) => !i.removedReason);
		const reversed = current.map((i, n) => ({ itemId: i.id, position: current.length - n }));
		await Promise.all([
			reorderAgenda(d, c, id, reversed),
			reorderAgenda(d, await as('consultant_social_worker'), id, first)
		]);
		const after = (await meetingView(d, c, id)).items.filter((i) => !i.removedReason);
		expect(after.map((i) => i.position)).toEqual(after.map((_, n) => n + 1));
		expect([
			[...current].reverse().map((i) => i.id),
			[back.id, ...live.filter((i) => i.id !== back.id).map((i) => i.id)]
		]).toContainEqual(after.map((i) => i.id));
		// A child of another team cannot be added: 404.
		const foreign = await makeChild((await makeTeam((await makeOrg()).id)).id);
		expect(await thrown(addToAgenda(d, c, id, { childId: foreign.id, note: 'x' }))).toBeInstanceOf(
			NotFoundError
		);
		expect(
			await thrown(addToAgenda(d, await as('social_worker'), id, { childId: red, note: 'x' }))
		).toBeInstanceOf(ForbiddenError);
	});
});

describe('the meeting itself', () => {
	it('opens, records a discussion, closes read-only; the next agenda carries the step first', async () => {
		const d = await db();
		const c = await as('coordinator');
		const { id } = await prepareMeeting(d, c, { startsAt: now }, now);
		const [m0] = await d.select().from(teamMeeting).where(eq(teamMeeting.id, id));
		// Nothing is recorded before the meeting is open.
		expect(await thrown(addHypothesis(d, c, id, red, { statement: 'x' }))).toBeInstanceOf(
			FieldError
		);
		await advanceMeeting(d, await as('consultant_social_worker'), id, {
			version: m0!.version,
			facilitatorId: u.consultant_social_worker!,
			noteTakerId: u.coordinator!,
			presentUserIds: [u.social_worker!, u.family_therapist!]
		});
		await saveDiscussion(d, c, id, red, {
			version: null,
			familyPresent: true,
			familyWho: 'Äiti',
			tellsFamily: 'Vastuutyöntekijä soittaa äidille huomenna.'
		});
		const h = await addHypothesis(d, c, id, red, {
			statement: 'Koulupoissaolot liittyvät kodin iltojen levottomuuteen.'
		});
		await addStep(d, c, id, red, {
			what: 'Kotikäynti illalla',
			ownerId: u.social_worker!,
			dueOn: addDays(today, 7),
			hypothesisId: h
		});
		await addStep(d, c, id, red, {
			what: 'Keskustelu kouluterveydenhoitajan kanssa',
			ownerId: u.social_worker!,
			dueOn: addDays(today, 3),
			hypothesisId: null
		});
		// The family summary shows the agreed steps and who does them.
		const summary = await familySummary(d, await contextOf(u.social_worker!, red));
		expect(summary.steps.map((x) => x.what)).toEqual([
			'Keskustelu kouluterveydenhoitajan kanssa',
			'Kotikäynti illalla'
		]);
		// The family therapist writes the reflection, nobody else; they record nothing else.
		await saveReflection(d, await as('family_therapist'), id, red, {
			version: null,
			reflection: 'Perheen tarina kuulostaa väsymykseltä.'
		});
		expect(
			await thrown(saveReflection(d, c, id, red, { version: null, reflection: 'x' }))
		).toBeInstanceOf(ForbiddenError);
		expect(
			await thrown(addHypothesis(d, await as('family_therapist'), id, red, { statement: 'x' }))
		).toBeInstanceOf(ForbiddenError);
		// A step for someone outside the team, or due yesterday, is refused in words.
		const bad = await thrown(
			addStep(d, c, id, red, {
				what: 'x',
				ownerId: u.stranger!,
				dueOn: addDays(today, -1),
				hypothesisId: null
			})
		);
		expect(bad).toBeInstanceOf(FieldError);
		expect(Object.keys((bad as FieldError).fields).sort()).toEqual(['dueOn', 'ownerId']);

		// The quiet child was discussed without a hypothesis: closing is refused.
		await saveDiscussion(d, c, id, quiet, {
			version: null,
			familyPresent: false,
			familyWho: 'ei näy',
			tellsFamily: ''
		});
		const open = (await d.select().from(teamMeeting).where(eq(teamMeeting.id, id)))[0]!;
		expect(await thrown(advanceMeeting(d, c, id, { version: open.version }))).toBeInstanceOf(
			FieldError
		);
		await addHypothesis(d, c, id, quiet, { statement: 'Arki sujuu.' });
		expect(await advanceMeeting(d, c, id, { version: open.version })).toBe('closed');

		// Closed: the app refuses, and so does the database.
		expect(await thrown(addHypothesis(d, c, id, red, { statement: 'x' }))).toBeInstanceOf(
			FieldError
		);
		const e = await thrown(
			d
				.update(meetingDiscussion)
				.set({ familyWho: 'muutettu' })
				.where(eq(meetingDiscussion.meetingId, id))
		);
		expect(sqlState(e)).toBe('23514');

		const view = await discussionView(d, c, id, red);
		expect(view.discussion).toMatchObject({ familyPresent: true, familyWho: 'Äiti' });
		expect(view.discussion!.reflection).toMatch(/väsymykseltä/);

		// The next meeting: the red child's steps come back first and must be settled.
		const later = new Date(now.getTime() + 7 * 86_400_000);
		const next = await prepareMeeting(d, c, { startsAt: later }, later);
		const nm = (await d.select().from(teamMeeting).where(eq(teamMeeting.id, next.id)))[0]!;
		await advanceMeeting(d, c, next.id, { version: nm.version });
		const nv = await meetingView(d, c, next.id);
		if (!nv.items.some((i) => i.childId === red))
			await addToAgenda(d, c, next.id, { childId: red, note: 'askeleet' });
		const carried = await discussionView(d, c, next.id, red);
		expect(carried.mustSettleFirst).toBe(true);
		expect(carried.carried.map((s) => s.what)).toEqual([
			'Keskustelu kouluterveydenhoitajan kanssa',
			'Kotikäynti illalla'
		]);
		expect(carried.hypotheses.map((x) => x.state)).toEqual(['open']);
		const step = (what: string) => carried.carried.find((s) => s.what === what)!;
		const newStep = {
			what: 'Uusi',
			ownerId: u.social_worker!,
			dueOn: addDays(today, 10),
			hypothesisId: null
		};
		expect(await thrown(addStep(d, c, next.id, red, newStep, later))).toBeInstanceOf(FieldError);
		const s1 = step('Kotikäynti illalla');
		expect(
			await thrown(
				settleStep(d, c, next.id, red, {
					stepId: s1.id,
					version: s1.version,
					outcome: 'not_done',
					note: ' '
				})
			)
		).toBeInstanceOf(FieldError);
		await settleStep(d, c, next.id, red, {
			stepId: s1.id,
			version: s1.version,
			outcome: 'not_done',
			note: 'Perhe ei ollut kotona.'
		});
		expect(await thrown(addStep(d, c, next.id, red, newStep, later))).toBeInstanceOf(FieldError);
		const s2 = step('Keskustelu kouluterveydenhoitajan kanssa');
		await settleStep(d, c, next.id, red, {
			stepId: s2.id,
			version: s2.version,
			outcome: 'done',
			note: ''
		});
		await addStep(d, c, next.id, red, newStep, later);
		const hy = carried.hypotheses[0]!;
		expect(
			await thrown(
				settleHypothesis(d, c, next.id, red, {
					hypothesisId: hy.id,
					version: hy.version,
					state: 'supported',
					note: ''
				})
			)
		).toBeInstanceOf(FieldError);
		await settleHypothesis(d, c, next.id, red, {
			hypothesisId: hy.id,
			version: hy.version,
			state: 'supported',
			note: 'Opettaja kertoi samaa.'
		});
		const steps = await d.select().from(meetingStep).where(eq(meetingStep.childId, red));
		expect(steps.map((s) => s.outcome).sort()).toEqual(['done', 'not_done', null]);

		// The worker sees the open step on their own list.
		const mine = await myOpenSteps(d, await as('social_worker'));
		expect(mine.map((s) => s.what)).toContain('Uusi');
		expect(mine.map((s) => s.what)).not.toContain('Kotikäynti illalla');
	});

	it('a discussed child is not on the rotation of the next agenda', async () => {
		const d = await db();
		const c = await as('coordinator');
		const child = (await makeChild(teamId, { phase: 'client' })).id;
		const { id } = await prepareMeeting(d, c, { startsAt: now }, now);
		const m0 = (await d.select().from(teamMeeting).where(eq(teamMeeting.id, id)))[0]!;
		await advanceMeeting(d, c, id, { version: m0.version });
		await addHypothesis(d, c, id, child, { statement: 'Hyvä arki.' });
		await advanceMeeting(d, c, id, { version: m0.version + 1 });
		const later = new Date(now.getTime() + 86_400_000);
		const next = await prepareMeeting(d, c, { startsAt: later }, later);
		const view = await meetingView(d, c, next.id);
		expect(view.items.map((i) => i.childId)).not.toContain(child);
	});
});

describe('the meeting screens at 40 children', () => {
	it('send as many statements for 40 children on the agenda as for 4: none per child', async () => {
		const d = await db();
		const statementsFor = async (children: number) => {
			const cp = await makeOrg('child_protection');
			const team = (await makeTeam(cp.id)).id;
			const coordinator = (await makeUser('coordinator', { organisationId: cp.id, teamId: team }))
				.user.id;
			const ids: string[] = [];
			for (let i = 0; i < children; i++) ids.push((await makeChild(team, { phase: 'client' })).id);
			const viewer = await staffOf(coordinator);
			const counts: Record<string, number> = {};
			const run = async (name: string, fn: (x: Db) => Promise<unknown>) => {
				const { db: spied, seen } = counting(d);
				await fn(spied);
				counts[name] = seen.statements;
			};
			let meetingId = '';
			await run('prepare', async (x) => {
				meetingId = (await prepareMeeting(x, viewer, { startsAt: now }, now)).id;
			});
			await run('view', (x) => meetingView(x, viewer, meetingId));
			const m0 = (await d.select().from(teamMeeting).where(eq(teamMeeting.id, meetingId)))[0]!;
			await advanceMeeting(d, viewer, meetingId, { version: m0.version });
			await run('child', (x) => discussionView(x, viewer, meetingId, ids[0]!));
			const view = await meetingView(d, viewer, meetingId);
			expect(view.items).toHaveLength(children);
			return counts;
		};
		const few = await statementsFor(4);
		const many = await statementsFor(40);
		expect(many).toEqual(few);
		// The figures for the closing note: prepare, the agenda, one child's screen.
		console.info('meeting statements at 40 children', many);
	});
});

describe('the measures (§7)', () => {
	it('count the children discussed in 28 days, the steps done by now and the days from red to discussion', async () => {
		const d = await db();
		const cp = await makeOrg('child_protection');
		const team = (await makeTeam(cp.id)).id;
		const c = await staffOf(
			(await makeUser('coordinator', { organisationId: cp.id, teamId: team })).user.id
		);
		const a = (await makeChild(team, { phase: 'client' })).id;
		await makeChild(team, { phase: 'client' });
		await makeChild(team, { phase: 'closed' });
		// Red on a Monday, discussed on the Thursday after: three working days.
		const monday = new Date('2026-11-23T09:00:00Z');
		const thursday = new Date('2026-11-26T10:00:00Z');
		await makeStatusChange(a, { from: 'green', to: 'red', at: monday });
		const { id } = await prepareMeeting(d, c, { startsAt: thursday }, thursday);
		const m0 = (await d.select().from(teamMeeting).where(eq(teamMeeting.id, id)))[0]!;
		await advanceMeeting(d, c, id, { version: m0.version }, thursday);
		await addHypothesis(d, c, id, a, { statement: 'Huoli kasvaa illalla.' });
		for (const what of ['Soitto', 'Käynti'])
			await addStep(
				d,
				c,
				id,
				a,
				{ what, ownerId: c.userId, dueOn: '2026-11-30', hypothesisId: null },
				thursday
			);
		const steps = await d.select().from(meetingStep).where(eq(meetingStep.meetingId, id));
		await d
			.update(meetingStep)
			.set({ outcome: 'done' })
			.where(eq(meetingStep.id, steps.find((s) => s.what === 'Soitto')!.id));
		await advanceMeeting(d, c, id, { version: m0.version + 1 }, thursday);
		const at = new Date('2026-12-03T12:00:00Z');
		expect(await meetingMeasures(d, c, at)).toEqual({
			openCases: 2,
			discussed28: 1,
			stepsDue: 2,
			stepsDone: 1,
			reds: 1,
			redsDiscussed: 1,
			medianDaysToDiscussion: 3
		});
	});
});
