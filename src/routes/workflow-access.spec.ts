import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDate } from '$lib/domain/access';
import { addWorkingDays } from '$lib/domain/working-days';
import { child, consultation, flag, notification, team } from '$lib/server/db/schema';
import { recomputeChildStatus } from '$lib/server/features/status/status';
import {
	db,
	eventFor,
	makeChild,
	makeOrg,
	makePlacement,
	makeTeamScene,
	makeUser,
	makePartner,
	makeWorkflow
} from '$lib/server/testing/fixtures';
import { logRows, outcome } from '$lib/server/testing/routes';
import * as childPage from './children/[childId]/+page.server';
import * as requestPage from './children/[childId]/consultations/new/+page.server';
import * as consultationPage from './consultations/[consultationId]/+page.server';
import * as flagPage from './flags/[flagId]/+page.server';
import * as flagsPage from './flags/+page.server';
import * as workflowPage from './workflows/[workflowId]/+page.server';
import * as workPage from './work/+page.server';
import * as notificationsPage from './notifications/+page.server';
import { toHelsinkiLocal } from '$lib/domain/time';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

const users: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
	const d = await db();
	const scene = await makeTeamScene(['consultant_social_worker', 'social_worker', 'coordinator']);
	Object.assign(users, scene.users);
	const t = scene.team;
	const unitA = await makeOrg('residential_unit');
	const unitB = await makeOrg('residential_unit');
	users.unitA = (await makeUser('residential_staff', { organisationId: unitA.id })).user.id;
	users.unitB = (await makeUser('residential_staff', { organisationId: unitB.id })).user.id;
	ids.placed = (await makeChild(t.id, { givenName: 'Reitti', dateOfBirth: '2010-01-01' })).id;
	ids.notPlaced = (await makeChild(t.id, { givenName: 'Reitti', dateOfBirth: '2010-01-01' })).id;
	for (const unit of [unitA, unitB]) await makePlacement(ids.placed, unit.id, users.social_worker!);
	for (const id of [ids.placed, ids.notPlaced]) await recomputeChildStatus(d, id, 'test');
});

const form = { question: 'Miten tuemme nuorta?', urgency: 'urgent', background: '' };

describe('residential units and consultations', () => {
	it('a unit requests consultation for a child placed with it', async () => {
		const ev = await eventFor(users.unitA!, { params: { childId: ids.placed! }, form });
		const r = await outcome(() => requestPage.actions.request!(ev as any));
		expect(r.status).toBe(303);
		ids.unitARequest = r.location!.split('/')[2]!.split('?')[0]!;
		const [c] = await (
			await db()
		)
			.select()
			.from(consultation)
			.where(eq(consultation.id, ids.unitARequest));
		expect(c).toMatchObject({ state: 'requested', urgency: 'urgent' });
		// An urgent request is triaged within one working day (docs/domain.md §6).
		const [f] = await (await db()).select().from(flag).where(eq(flag.consultationId, c!.id));
		expect(f?.dueOn).toBe(addWorkingDays(helsinkiDate(), 1));
	});

	it('denied for a child not placed with the unit: 404, logged, nothing saved', async () => {
		const ev = await eventFor(users.unitA!, { params: { childId: ids.notPlaced! }, form });
		const r = await outcome(() => requestPage.actions.request!(ev as any));
		expect(r.status).toBe(404);
		expect((await logRows(ev.locals.requestId))[0]).toMatchObject({ outcome: 'denied' });
		expect(
			await (await db()).select().from(consultation).where(eq(consultation.childId, ids.notPlaced!))
		).toEqual([]);
	});

	it("another unit, even with the same child placed, cannot see the first unit's request", async () => {
		const ev = await eventFor(users.unitB!, { params: { consultationId: ids.unitARequest! } });
		const r = await outcome(() => consultationPage.load(ev as any));
		expect(r.status).toBe(404);
		expect(await logRows(ev.locals.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'denied', entity_type: 'consultation' })
		);
		const page = await outcome(async () =>
			childPage.load((await eventFor(users.unitB!, { params: { childId: ids.placed! } })) as any)
		);
		expect((page as any).value.work.consultations).toEqual([]);
		// The unit that asked sees it, with its state; the team sees it too.
		const own = await outcome(async () =>
			consultationPage.load(
				(await eventFor(users.unitA!, { params: { consultationId: ids.unitARequest! } })) as any
			)
		);
		expect((own as any).value.consultation.state).toBe('requested');
		// …and may not act on it: no action, no choice of participants.
		expect((own as any).value.actions).toEqual([]);
		expect((own as any).value.choices).toBeNull();
	});

	it('a unit sees no flags or workflows of the child', async () => {
		const d = await db();
		const [f] = await d.select().from(flag).where(eq(flag.childId, ids.placed!));
		expect(f?.trigger).toBe('consultation_requested');
		const ev = await eventFor(users.unitA!, { params: { flagId: f!.id } });
		expect((await outcome(() => flagPage.load(ev as any))).status).toBe(404);
		const list = await eventFor(users.unitA!);
		expect((await outcome(() => flagsPage.load(list as any))).status).toBe(403);
		ids.flag = f!.id;
	});

	it('the coordinator schedules and records; the unit then sees the outcome', async () => {
		const coordinatorPage = await outcome(async () =>
			consultationPage.load(
				(await eventFor(users.coordinator!, {
					params: { consultationId: ids.unitARequest! }
				})) as any
			)
		);
		expect((coordinatorPage as any).value.actions).toEqual(['schedule', 'decline']);
		const at = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
		// The meeting was an hour ago (Finnish wall clock), so its outcome can be recorded.
		const sched = await eventFor(users.coordinator!, {
			params: { consultationId: ids.unitARequest! },
			form: {
				scheduledAt: toHelsinkiLocal(new Date(Date.now() - 3600_000)),
				place: 'Video',
				participantUserIds: users.unitA!,
				version: '1'
			}
		});
		const sr = await outcome(() => consultationPage.actions.schedule!(sched as any));
		expect(sr.status).toBe(303);
		const rec = await eventFor(users.coordinator!, {
			params: { consultationId: ids.unitARequest! },
			form: {
				hypotheses: '',
				recommendations: 'Yhteinen suunnitelma.',
				followUpOwnerId: users.social_worker!,
				followUpOn: at,
				version: '2'
			}
		});
		// No hypothesis: refused with a field error.
		expect((await outcome(() => consultationPage.actions.record!(rec as any))).status).toBe(400);
		const rec2 = await eventFor(users.coordinator!, {
			params: { consultationId: ids.unitARequest! },
			form: {
				hypotheses: 'Nuori kaipaa kotiin.',
				recommendations: 'Yhteinen suunnitelma.',
				followUpOwnerId: users.social_worker!,
				followUpOn: at,
				version: '2'
			}
		});
		const rr = await outcome(() => consultationPage.actions.record!(rec2 as any));
		expect(rr.status).toBe(303);
		const own = await outcome(async () =>
			consultationPage.load(
				(await eventFor(users.unitA!, { params: { consultationId: ids.unitARequest! } })) as any
			)
		);
		expect((own as any).value.consultation).toMatchObject({
			state: 'held',
			hypotheses: ['Nuori kaipaa kotiin.']
		});
	});

	it('the unit cannot schedule or record: 403 and a denied row', async () => {
		const ev = await eventFor(users.unitA!, {
			params: { consultationId: ids.unitARequest! },
			form: { version: '3' }
		});
		expect((await outcome(() => consultationPage.actions.close!(ev as any))).status).toBe(403);
		expect(await logRows(ev.locals.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'denied' })
		);
	});
});

describe('triage through the route', () => {
	it('denied for the social worker (403), allowed for the consultant (303)', async () => {
		const [f] = await (await db()).select().from(flag).where(eq(flag.id, ids.flag!));
		const body = { decision: 'consultation', note: '', version: String(f!.version) };
		const denied = await eventFor(users.social_worker!, { params: { flagId: f!.id }, form: body });
		expect((await outcome(() => flagPage.actions.triage!(denied as any))).status).toBe(403);
		const ok = await eventFor(users.consultant_social_worker!, {
			params: { flagId: f!.id },
			form: body
		});
		const r = await outcome(() => flagPage.actions.triage!(ok as any));
		expect(r.status).toBe(303);
		// The flag came with the unit's request, so accepting leads to that consultation.
		expect(r.location).toBe(`/consultations/${ids.unitARequest}?saved=triaged`);
	});

	it('an unknown workflow id is a logged 404', async () => {
		const ev = await eventFor(users.social_worker!, {
			params: { workflowId: crypto.randomUUID() }
		});
		expect((await outcome(() => workflowPage.load(ev as any))).status).toBe(404);
		expect((await logRows(ev.locals.requestId))[0]).toMatchObject({ outcome: 'denied' });
	});
});

describe('the team work page', () => {
	it('allowed for the team, each row logged; denied (403) for a residential unit', async () => {
		const ev = await eventFor(users.coordinator!);
		const r = await outcome(() => workPage.load(ev as any));
		expect(r.status).toBe(200);
		expect((r as any).value.consultations.map((c: { id: string }) => c.id)).toContain(
			ids.unitARequest
		);
		expect(await logRows(ev.locals.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'allowed', entity_type: 'consultation' })
		);
		const unit = await eventFor(users.unitA!);
		expect((await outcome(() => workPage.load(unit as any))).status).toBe(403);
	});
});

describe('invited participants', () => {
	it('see the consultation they were invited to; other units do not', async () => {
		const req = await eventFor(users.coordinator!, {
			params: { childId: ids.placed! },
			form: { ...form, background: 'Perheen tausta' }
		});
		const r = await outcome(() => requestPage.actions.request!(req as any));
		const cid = r.location!.split('/')[2]!.split('?')[0]!;
		const at = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
		const sched = await eventFor(users.coordinator!, {
			params: { consultationId: cid },
			form: {
				scheduledAt: `${at}T09:00`,
				place: 'Huone 2',
				participantUserIds: users.unitB!,
				version: '1'
			}
		});
		expect((await outcome(() => consultationPage.actions.schedule!(sched as any))).status).toBe(
			303
		);
		const invited = await outcome(async () =>
			consultationPage.load(
				(await eventFor(users.unitB!, { params: { consultationId: cid } })) as any
			)
		);
		expect((invited as any).value.consultation.place).toBe('Huone 2');
		// What they were invited to (docs/domain.md §6): not the background, not who asked, not the others.
		expect((invited as any).value.view).toBe('invited');
		expect((invited as any).value.consultation.background).toBe('');
		expect((invited as any).value.consultation.requestedBy).toBe('');
		expect((invited as any).value.consultation.participantUserIds).toEqual([]);
		expect((invited as any).value.people).toEqual({});
		const team = await outcome(async () =>
			consultationPage.load(
				(await eventFor(users.coordinator!, { params: { consultationId: cid } })) as any
			)
		);
		expect((team as any).value.view).toBe('full');
		expect((team as any).value.consultation.background).toBe('Perheen tausta');
		expect((team as any).value.consultation.participantUserIds).toEqual([users.unitB]);
		const other = await outcome(async () =>
			consultationPage.load(
				(await eventFor(users.unitA!, { params: { consultationId: cid } })) as any
			)
		);
		expect(other.status).toBe(404);
	});

	it('an organisation without a grant, invited, sees that consultation only, until it is closed', async () => {
		const { org: youth, userId: therapist } = await makePartner('youth_mental_health');
		const req = await eventFor(users.coordinator!, {
			params: { childId: ids.notPlaced! },
			form: { ...form, background: 'Tiimin tausta' }
		});
		const r = await outcome(() => requestPage.actions.request!(req as any));
		const cid = r.location!.split('/')[2]!.split('?')[0]!;
		const load = async (userId: string) =>
			outcome(async () =>
				consultationPage.load((await eventFor(userId, { params: { consultationId: cid } })) as any)
			);
		// Not yet invited: a 404 like any other.
		expect((await load(therapist)).status).toBe(404);
		const at = new Date(Date.now() - 3600_000);
		const sched = await eventFor(users.coordinator!, {
			params: { consultationId: cid },
			form: {
				scheduledAt: toHelsinkiLocal(at),
				place: 'Videoyhteys',
				participantUserIds: users.social_worker!,
				participantOrganisationIds: youth.id,
				version: '1'
			}
		});
		expect((await outcome(() => consultationPage.actions.schedule!(sched as any))).status).toBe(
			303
		);
		// Its staff are told, and see the question, time and place; nothing of the record.
		const [told] = await (
			await db()
		)
			.select()
			.from(notification)
			.where(eq(notification.userId, therapist));
		expect(told).toMatchObject({ kind: 'consultation_scheduled', link: `/consultations/${cid}` });
		const seen: any = await load(therapist);
		expect(seen.status).toBe(200);
		expect(seen.value).toMatchObject({ view: 'invited', childLink: false, choices: null });
		expect(seen.value.consultation).toMatchObject({ place: 'Videoyhteys', background: '' });
		const childRead = await outcome(async () =>
			childPage.load((await eventFor(therapist, { params: { childId: ids.notPlaced! } })) as any)
		);
		expect(childRead.status).toBe(404);
		// It cannot act on the consultation.
		const decline = await eventFor(therapist, {
			params: { consultationId: cid },
			form: { reason: 'x', version: '2' }
		});
		expect((await outcome(() => consultationPage.actions.decline!(decline as any))).status).toBe(
			403
		);
		// Closed: the invitation has ended.
		await (
			await db()
		)
			.update(consultation)
			.set({ state: 'closed' })
			.where(eq(consultation.id, cid));
		expect((await load(therapist)).status).toBe(404);
	});
});

describe('intensive workflow and notification pages', () => {
	it('workflow: a unit gets 404, a family therapist 403 on edits, the social worker 303', async () => {
		const d = await db();
		const [c] = await d.select().from(child).where(eq(child.id, ids.placed!));
		const [t] = await d.select().from(team).where(eq(team.id, c!.teamId));
		const therapist = (
			await makeUser('family_therapist', { organisationId: t!.organisationId, teamId: t!.id })
		).user.id;
		const w = await makeWorkflow(ids.placed!, users.consultant_social_worker!, {
			leadWorkerId: users.social_worker!
		});
		const unit = await eventFor(users.unitA!, { params: { workflowId: w.id } });
		expect((await outcome(() => workflowPage.load(unit as any))).status).toBe(404);
		expect((await logRows(unit.locals.requestId))[0]).toMatchObject({ outcome: 'denied' });
		const step = { what: 'Kotikäynti', who: 'Mikko', dueOn: helsinkiDate(), version: '1' };
		const denied = await eventFor(therapist, { params: { workflowId: w.id }, form: step });
		expect((await outcome(() => workflowPage.actions.addStep!(denied as any))).status).toBe(403);
		const ok = await eventFor(users.social_worker!, { params: { workflowId: w.id }, form: step });
		expect((await outcome(() => workflowPage.actions.addStep!(ok as any))).status).toBe(303);
	});

	it("notifications: opening someone else's is 404 and marks nothing", async () => {
		const d = await db();
		const [n] = await d
			.select()
			.from(notification)
			.where(eq(notification.userId, users.coordinator!))
			.limit(1);
		const ev = await eventFor(users.unitA!, { form: { id: n!.id } });
		expect((await outcome(() => notificationsPage.actions.open!(ev as any))).status).toBe(404);
		const [after] = await d.select().from(notification).where(eq(notification.id, n!.id));
		expect(after!.readAt).toEqual(n!.readAt);
		const own = await eventFor(users.coordinator!, { form: { id: n!.id } });
		const r = await outcome(() => notificationsPage.actions.open!(own as any));
		expect(r.status).toBe(303);
		expect(r.location).toMatch(/^\/(consultations|flags)\//);
	});
});
