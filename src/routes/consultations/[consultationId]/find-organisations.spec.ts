import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { consultation } from '$lib/server/db/schema';
import { FOUND_AT_MOST } from '$lib/server/features/consultations';
import { db, makeConsultationScene, makeOrg, uniq } from '$lib/server/testing/fixtures';
import { callAs, logRows } from '$lib/server/testing/routes';
import * as page from './+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/*
 * The consultation page's search for organisations to invite (a region has too many to
 * list): a step inside the schedule form that brings everything back as it was filled in,
 * with what was found among the choices; the coordinator's alone.
 */
const u: Record<string, string> = {};
const mark = `Etsintä${uniq()}`;
let consultationId: string;
let found: string;

beforeAll(async () => {
	const scene = await makeConsultationScene();
	[u.coordinator, u.worker, u.partner] = [scene.coordinator, scene.worker, scene.partner];
	consultationId = scene.consultationId;
	found = (await makeOrg('youth_mental_health', `${mark} nuorisoasema`)).id;
});

const schedule = {
	scheduledAt: '2030-01-15T10:00',
	place: 'Neuvotteluhuone 2',
	version: '1'
};
const post = (
	who: string,
	action: 'findOrganisations' | 'schedule',
	form: Record<string, string>
) => callAs(u[who]!, (e) => page.actions[action]!(e), { params: { consultationId }, form });

describe('finding organisations to invite', () => {
	it('the page lists the child’s organisations and offers the search', async () => {
		const r = await callAs(u.coordinator!, (e) => page.load(e), { params: { consultationId } });
		expect(r.status).toBe(200);
		expect(r.value.choices).toMatchObject({ searchable: true });
		expect(r.value.choices.organisations.map((o: any) => o.id)).not.toContain(found);
	});

	it('brings back everything filled in, with what was found, and changes nothing', async () => {
		const r = await post('coordinator', 'findOrganisations', {
			...schedule,
			organisationSearch: `${mark} NUORISO`
		});
		expect(r.status).toBe(200);
		expect(r.value.schedule.data).toMatchObject({ place: 'Neuvotteluhuone 2', version: 1 });
		expect(r.value.schedule.errors).toEqual({});
		expect(r.value.invitees).toContainEqual(
			expect.objectContaining({ id: found, hasAccess: false, label: expect.stringContaining(mark) })
		);
		expect(r.value.notice).toContain('1');
		// What it read of the child's record is in the access log, as every read is.
		expect(await logRows(r.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'allowed', action: 'read', entity_type: 'consultation' })
		);
		const [c] = await (
			await db()
		)
			.select()
			.from(consultation)
			.where(eq(consultation.id, consultationId));
		expect(c).toMatchObject({ state: 'requested', version: 1 });
	});

	it('says when nothing is found, and when there is more than it shows', async () => {
		const none = await post('coordinator', 'findOrganisations', {
			...schedule,
			organisationSearch: `${mark}-ei-ole`
		});
		expect(none.value.notice).toContain(`${mark}-ei-ole`);
		expect(none.value.invitees.map((o: any) => o.id)).not.toContain(found);
		const empty = await post('coordinator', 'findOrganisations', { organisationSearch: '' });
		expect(empty.status).toBe(200);
		expect(empty.value.notice).toBeNull();
		const many = await post('coordinator', 'findOrganisations', { organisationSearch: 'a' });
		expect(many.value.notice).toContain(String(FOUND_AT_MOST));
	});

	it('keeps an organisation ticked from a search a choice when the form comes back', async () => {
		const r = await post('coordinator', 'schedule', {
			...schedule,
			place: '',
			participantOrganisationIds: found
		});
		expect(r.status).toBe(400);
		expect(r.data.schedule.data.participantOrganisationIds).toEqual([found]);
		expect(r.data.invitees.map((o: any) => o.id)).toContain(found);
	});

	it('takes a ticked value that is no id as nothing, in a search and in a refused save', async () => {
		const wrong = { ...schedule, participantOrganisationIds: 'x~J35ieepc76bx' };
		const find = await post('coordinator', 'findOrganisations', wrong);
		expect(find.status).toBe(200);
		expect(find.value.invitees.map((o: any) => o.id)).not.toContain('x~J35ieepc76bx');
		expect((await post('coordinator', 'schedule', wrong)).status).toBe(400);
	});

	it('is refused to a social worker and a partner, and the refusal logged', async () => {
		for (const who of ['worker', 'partner']) {
			const r = await post(who, 'findOrganisations', { organisationSearch: mark });
			expect(r.status).toBe(403);
			expect(r.data).toBeUndefined();
		}
		const denied = await post('partner', 'findOrganisations', { organisationSearch: mark });
		expect((await logRows(denied.requestId)).map((l) => l.outcome)).toContain('denied');
	});
});
