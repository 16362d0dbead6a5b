import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '$lib/domain/working-days';
import { helsinkiDate } from '$lib/domain/access';
import { informationAnswer, notification } from '$lib/server/db/schema';
import { db, makeChild, makeGrant, makePartner, makeTeamScene } from '$lib/server/testing/fixtures';
import { callAs, logRows } from '$lib/server/testing/routes';
import * as page from './[grantId]/+page.server';
import * as access from '../access/+page.server';
import * as home from '../../../+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/**
 * Answering a 41 § information request (§3): the organisation asked answers in its own
 * words while the request is valid; the team is told and reads the answer; nobody else
 * reaches the request.
 */
const today = helsinkiDate(new Date());
const u: Record<string, string> = {};
let childId: string;
let grantId: string;
let schoolId: string;

beforeAll(async () => {
	const { teamId, users } = await makeTeamScene(['social_worker']);
	u.worker = users.social_worker!;
	const school = await makePartner('school');
	[schoolId, u.teacher] = [school.organisationId, school.userId];
	const other = await makePartner('school');
	u.otherTeacher = other.userId;
	childId = (await makeChild(teamId, { phase: 'needs_assessment', responsibleWorkerId: u.worker }))
		.id;
	// The other school sees the child on a grant of its own, but was not asked this.
	await makeGrant(childId, other.organisationId, u.worker, {
		dueOn: addDays(today, 14),
		requestMessage: 'B'
	});
	grantId = (
		await makeGrant(childId, schoolId, u.worker, {
			dueOn: addDays(today, 14),
			requestMessage: 'Miten lapsen koulunkäynti on sujunut syksyllä?',
			validUntil: addDays(today, 44)
		})
	).id;
});

const call = (who: string, fn: (e: any) => unknown, opts: Parameters<typeof callAs>[2] = {}) =>
	callAs(u[who]!, fn, opts);

describe('a 41 § information request, answered', () => {
	it('the school asked reads the question, answers it; the team is told and reads the answer', async () => {
		const before = await call('teacher', home.load as any);
		expect(before.value.inbox.infoRequests.map((r: { id: string }) => r.id)).toContain(grantId);
		const shown = await call('teacher', page.load as any, { params: { childId, grantId } });
		expect(shown.value.request.message).toBe('Miten lapsen koulunkäynti on sujunut syksyllä?');
		const empty = await call('teacher', page.actions.answer as any, {
			params: { childId, grantId },
			form: { body: '  ' }
		});
		expect(empty.status).toBe(400);
		const r = await call('teacher', page.actions.answer as any, {
			params: { childId, grantId },
			form: { body: 'Poissaoloja on ollut 12 päivää.' }
		});
		expect(r).toMatchObject({
			status: 303,
			location: `/children/${childId}/information/${grantId}?saved=answer`
		});
		expect(await logRows(r.requestId)).toContainEqual(
			expect.objectContaining({ action: 'create', entity_type: 'information_answer' })
		);
		const told = await (
			await db()
		)
			.select()
			.from(notification)
			.where(
				and(eq(notification.userId, u.worker!), eq(notification.kind, 'information_answered'))
			);
		expect(told).toHaveLength(1);
		// Answered: no longer waiting in the school's inbox.
		const after = await call('teacher', home.load as any);
		expect(after.value.inbox.infoRequests.map((x: { id: string }) => x.id)).not.toContain(grantId);
		const team = await call('worker', access.load as any, { params: { childId } });
		expect(team.value.answers).toEqual([
			expect.objectContaining({ body: 'Poissaoloja on ollut 12 päivää.' })
		]);
	});

	it('another organisation, even one that sees the child, gets 404 and writes nothing', async () => {
		const count = async () =>
			(
				await (
					await db()
				)
					.select()
					.from(informationAnswer)
					.where(eq(informationAnswer.grantId, grantId))
			).length;
		const before = await count();
		const read = await call('otherTeacher', page.load as any, { params: { childId, grantId } });
		expect(read.status).toBe(404);
		const write = await call('otherTeacher', page.actions.answer as any, {
			params: { childId, grantId },
			form: { body: 'X' }
		});
		expect(write.status).toBe(404);
		expect(await count()).toBe(before);
	});

	it('an ended request can no longer be answered, in words', async () => {
		const ended = await makeGrant(childId, schoolId, u.worker!, {
			dueOn: addDays(today, -40),
			requestMessage: 'Vanha kysymys',
			validFrom: addDays(today, -60),
			validUntil: addDays(today, -1)
		});
		const r = await call('teacher', page.actions.answer as any, {
			params: { childId, grantId: ended.id },
			form: { body: 'Myöhässä' }
		});
		expect(r.status).toBe(400);
		expect(r.data.form.errors.body).toBeTruthy();
	});
});
