import { and, asc, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { toHelsinkiLocal } from '$lib/domain/time';
import {
	agendaItem,
	hypothesis,
	meetingDiscussion,
	team,
	teamMeeting
} from '$lib/server/db/schema';
import {
	db,
	eventFor,
	makeChild,
	makeGrant,
	makePartner,
	makeTeam,
	makeTeamScene,
	makeUser
} from '$lib/server/testing/fixtures';
import { callAs, logRows } from '$lib/server/testing/routes';
import * as list from './meetings/+page.server';
import * as meetingPage from './meetings/[meetingId]/+page.server';
import * as childScreen from './meetings/[meetingId]/children/[childId]/+page.server';
import * as childPage from '../children/[childId]/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/** The weekly meeting (§7) through its routes: each action allowed and refused by role. */
const u: Record<string, string> = {};
let childId: string;
let schoolId: string;
let teamId: string;

beforeAll(async () => {
	const scene = await makeTeamScene([
		'coordinator',
		'consultant_social_worker',
		'social_worker',
		'family_therapist'
	]);
	teamId = scene.teamId;
	Object.assign(u, scene.users);
	const otherTeam = (await makeTeam(scene.organisationId)).id;
	u.stranger = (
		await makeUser('coordinator', { organisationId: scene.organisationId, teamId: otherTeam })
	).user.id;
	const school = await makePartner('school');
	[schoolId, u.partner] = [school.organisationId, school.userId];
	childId = (await makeChild(teamId, { phase: 'client' })).id;
});

const call = (who: string, fn: (e: any) => unknown, opts: Parameters<typeof callAs>[2] = {}) =>
	callAs(u[who]!, fn, opts);

const startsAt = toHelsinkiLocal(new Date());
async function prepared() {
	const r = await call('coordinator', list.actions.prepare as any, { form: { startsAt } });
	expect(r.status).toBe(303);
	return /\/team\/meetings\/([0-9a-f-]{36})/.exec(r.location!)![1]!;
}
const meeting = async (id: string) =>
	(await (await db()).select().from(teamMeeting).where(eq(teamMeeting.id, id)))[0]!;

describe('/team/meetings', () => {
	it('team roles see the list; a partner gets 403, logged', async () => {
		expect((await call('family_therapist', list.load as any)).status).toBe(200);
		const r = await call('partner', list.load as any);
		expect(r.status).toBe(403);
		expect(await logRows(r.requestId)).toEqual([
			expect.objectContaining({ outcome: 'denied', entity_type: 'route' })
		]);
	});

	it('the coordinator prepares (303 to the meeting); a social worker may not (403, nothing made)', async () => {
		const id = await prepared();
		expect((await meeting(id)).state).toBe('planned');
		const listed = await call('social_worker', list.load as any);
		expect(listed.value.meetings.find((x: any) => x.id === id)).toMatchObject({
			state: 'planned',
			items: 1
		});
		const d = await db();
		const before = (await d.select().from(teamMeeting)).length;
		const r = await call('social_worker', list.actions.prepare as any, { form: { startsAt } });
		expect(r.status).toBe(403);
		expect((await d.select().from(teamMeeting)).length).toBe(before);
	});

	it('refuses a time that is not a time, in words, and makes nothing', async () => {
		const r = await call('coordinator', list.actions.prepare as any, {
			form: { startsAt: '2026-02-30T25:00' }
		});
		expect(r.status).toBe(400);
		expect(r.data.form.errors.startsAt).toBeTruthy();
	});
});

describe('/team/meetings settings', () => {
	it('the coordinator sets the meeting length; a social worker may not; a length out of range is refused in words', async () => {
		const teamOf = async () =>
			(await (await db()).select().from(team).where(eq(team.id, teamId)))[0]!;
		const before = await teamOf();
		const form = (meetingMinutes: string, version = before.version) => ({
			rotationDays: '28',
			meetingMinutes,
			version: String(version)
		});
		expect(
			(await call('social_worker', list.actions.setRotation as any, { form: form('90') })).status
		).toBe(403);
		const bad = await call('coordinator', list.actions.setRotation as any, { form: form('9') });
		expect(bad.status).toBe(400);
		expect(JSON.stringify(bad.data)).toContain('15–480');
		expect((await teamOf()).meetingMinutes).toBe(before.meetingMinutes);
		const ok = await call('coordinator', list.actions.setRotation as any, { form: form('90') });
		expect(ok.status).toBe(303);
		expect((await teamOf()).meetingMinutes).toBe(90);
		const load = (await list.load((await eventFor(u.coordinator!)) as any)) as any;
		expect(load.rotationForm.data.meetingMinutes).toBe('90');
		// Back to the default for the other tests.
		await call('coordinator', list.actions.setRotation as any, {
			form: form('120', before.version + 1)
		});
	});
});

describe('/team/meetings/[meetingId] agenda', () => {
	it('shows each section with its count and time; the coordinator reorders with one form; others may not', async () => {
		const id = await prepared();
		const params = { meetingId: id };
		const page = await call('coordinator', meetingPage.load as any, { params });
		expect(page.status).toBe(200);
		const loaded = page.value;
		expect(loaded.agenda.totalText).toContain('120');
		expect(loaded.agenda.sections.length).toBeGreaterThan(0);
		expect(loaded.agenda.sections[0].heading).toMatch(/\(1\), noin \d+ min$/);
		const live = async () =>
			(await db())
				.select()
				.from(agendaItem)
				.where(and(eq(agendaItem.meetingId, id), isNull(agendaItem.removedAt)))
				.orderBy(asc(agendaItem.position));
		const items = await live();
		const form = Object.fromEntries(items.map((i, n) => [`position.${i.id}`, String(n + 1)]));
		expect(
			(await call('social_worker', meetingPage.actions.reorder as any, { params, form })).status
		).toBe(403);
		const bad: unknown = await (meetingPage.actions.reorder as any)(
			await eventFor(u.coordinator!, {
				params,
				form: { ...form, [`position.${items[0]!.id}`]: 'eka' }
			})
		).catch((e: unknown) => e);
		expect(bad).toMatchObject({
			status: 400,
			body: { message: expect.stringContaining('järjestysnumero') }
		});
		const stale = await call('coordinator', meetingPage.actions.reorder as any, {
			params,
			form: { ...form, [`position.${crypto.randomUUID()}`]: '1' }
		});
		expect(stale.status).toBe(409);
		expect(await live()).toEqual(items);
		const ok = await call('coordinator', meetingPage.actions.reorder as any, { params, form });
		expect(ok).toMatchObject({ status: 303 });
	});
});

describe('/team/meetings/[meetingId]', () => {
	it("another team's coordinator gets 404 and the refusal is logged", async () => {
		const id = await prepared();
		const r = await call('stranger', meetingPage.load as any, { params: { meetingId: id } });
		expect(r.status).toBe(404);
		expect(await logRows(r.requestId)).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ outcome: 'denied', entity_type: 'team_meeting' })
			])
		);
	});

	it('the consultant opens and closes; the family therapist may not', async () => {
		const id = await prepared();
		const params = { meetingId: id };
		const v = (await meeting(id)).version;
		expect(
			(
				await call('family_therapist', meetingPage.actions.open as any, {
					params,
					form: { version: String(v) }
				})
			).status
		).toBe(403);
		const opened = await call('consultant_social_worker', meetingPage.actions.open as any, {
			params,
			form: { version: String(v), facilitatorId: u.consultant_social_worker! }
		});
		expect(opened).toMatchObject({ status: 303 });
		expect(await meeting(id)).toMatchObject({
			state: 'open',
			facilitatorId: u.consultant_social_worker
		});
		// A stale version is a conflict, not an overwrite.
		const stale = await call('coordinator', meetingPage.actions.close as any, {
			params,
			form: { version: String(v) }
		});
		expect(stale.status).toBe(409);
		const closed = await call('coordinator', meetingPage.actions.close as any, {
			params,
			form: { version: String(v + 1) }
		});
		expect(closed.status).toBe(303);
		expect((await meeting(id)).state).toBe('closed');
	});
});

describe('/team/meetings/[meetingId]/children/[childId]', () => {
	it('records a hypothesis; only the family therapist writes the reflection; a closed meeting refuses', async () => {
		const id = await prepared();
		const params = { meetingId: id, childId };
		// Before the meeting opens, the screen says it has not started, not "not discussed".
		const before = await call('social_worker', childScreen.load as any, { params });
		expect(before.value.notDiscussedText).toMatch(/ei ole vielä alkanut/);
		const v = (await meeting(id)).version;
		await call('coordinator', meetingPage.actions.open as any, {
			params: { meetingId: id },
			form: { version: String(v) }
		});
		const view = await call('social_worker', childScreen.load as any, { params });
		expect(view.status).toBe(200);
		expect(view.value.canRecord).toBe(false);
		expect(view.value.notDiscussedText).toBe('Lasta ei käsitelty tässä kokouksessa.');

		const h = await call('coordinator', childScreen.actions.addHypothesis as any, {
			params,
			form: { statement: 'Perhe tarvitsee lepoa.' }
		});
		expect(h.status).toBe(303);
		const denied = await call('social_worker', childScreen.actions.addHypothesis as any, {
			params,
			form: { statement: 'x' }
		});
		expect(denied.status).toBe(403);
		const d = await db();
		expect(
			(await d.select().from(hypothesis).where(eq(hypothesis.meetingId, id))).map(
				(x) => x.statement
			)
		).toEqual(['Perhe tarvitsee lepoa.']);

		expect(
			(
				await call('coordinator', childScreen.actions.saveReflection as any, {
					params,
					form: { reflection: 'x', version: '0' }
				})
			).status
		).toBe(403);
		const r = await call('family_therapist', childScreen.actions.saveReflection as any, {
			params,
			form: { reflection: 'Perheen kertomus toistaa väsymystä.', version: '0' }
		});
		expect(r.status).toBe(303);
		const [disc] = await d
			.select()
			.from(meetingDiscussion)
			.where(eq(meetingDiscussion.meetingId, id));
		expect(disc).toMatchObject({
			reflection: 'Perheen kertomus toistaa väsymystä.',
			reflectionBy: u.family_therapist
		});

		await call('coordinator', meetingPage.actions.close as any, {
			params: { meetingId: id },
			form: { version: String(v + 1) }
		});
		const late = await call('coordinator', childScreen.actions.addHypothesis as any, {
			params,
			form: { statement: 'Myöhässä.' }
		});
		expect(late.status).toBe(400);
		expect((await d.select().from(hypothesis).where(eq(hypothesis.meetingId, id))).length).toBe(1);

		// The child's page shows what the meeting decided, to the team; a partner sees none of it.
		const team = await call('social_worker', childPage.load as any, { params: { childId } });
		expect(team.value.meetings[0]).toMatchObject({ raised: ['Perhe tarvitsee lepoa.'] });
		await makeGrant(childId, schoolId, u.social_worker!);
		const partner = await call('partner', childPage.load as any, { params: { childId } });
		expect(partner.status).toBe(200);
		expect(partner.value.meetings).toEqual([]);
	});

	it('a partner gets 403 and another team gets 404, both logged', async () => {
		const id = await prepared();
		const params = { meetingId: id, childId };
		expect((await call('partner', childScreen.load as any, { params })).status).toBe(403);
		const r = await call('stranger', childScreen.load as any, { params });
		expect(r.status).toBe(404);
		expect((await logRows(r.requestId)).some((x) => x.outcome === 'denied')).toBe(true);
	});
});
