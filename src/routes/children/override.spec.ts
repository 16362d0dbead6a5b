import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDate } from '$lib/domain/access';
import { childStatus, childStatusHistory } from '$lib/server/db/schema';
import { recomputeChildStatus } from '$lib/server/features/status/status';
import {
	db,
	eventFor,
	makeChild,
	makeGrant,
	makePartner,
	makeTeamScene
} from '$lib/server/testing/fixtures';
import { callAs, logRows, outcome } from '$lib/server/testing/routes';
import * as childPage from './[childId]/+page.server';
import * as page from './[childId]/override/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

const inDays = (n: number) => helsinkiDate(new Date(Date.now() + n * 86400_000));
const users: Record<string, string> = {};
let childId: string;

beforeAll(async () => {
	const d = await db();
	const scene = await makeTeamScene(['consultant_social_worker', 'social_worker', 'coordinator']);
	Object.assign(users, scene.users);
	const school = await makePartner('school');
	users.partner = school.userId;
	childId = (await makeChild(scene.teamId, { dateOfBirth: '2014-02-02' })).id;
	await makeGrant(childId, school.organisationId, users.social_worker!, {
		basis: 'consent',
		consentGivenBy: 'huoltaja',
		consentGivenOn: helsinkiDate()
	});
	await recomputeChildStatus(d, childId, 'child_created');
});

const stored = async () =>
	(await (await db()).select().from(childStatus).where(eq(childStatus.childId, childId)))[0]!;

async function act(who: string, name: 'set' | 'clear', form: Record<string, string>) {
	return callAs(users[who]!, page.actions[name] as any, { params: { childId }, form });
}

const valid = () => ({
	colour: 'yellow',
	reason: 'Tiimi arvioi tilanteen huolestuttavaksi kotikäynnin perusteella.',
	reviewOn: inDays(14),
	basedOn: ''
});

describe('team override (consultant social worker only)', () => {
	it('denied for other team roles: 403, a denied log row, nothing changed', async () => {
		for (const who of ['social_worker', 'coordinator']) {
			const ev = await eventFor(users[who]!, { params: { childId: childId } });
			expect((await outcome(() => page.load(ev as any))).status).toBe(403);
			const r = await act(who, 'set', valid());
			expect(r.status).toBe(403);
			expect(await logRows(r.requestId)).toContainEqual(
				expect.objectContaining({ outcome: 'denied', action: 'overrideStatus' })
			);
		}
		expect((await stored()).overrideColour).toBeNull();
	});

	it('denied for a partner with access to the child: 404, logged', async () => {
		const r = await act('partner', 'set', valid());
		expect(r.status).toBe(404);
		expect((await logRows(r.requestId))[0]).toMatchObject({ outcome: 'denied' });
		expect((await stored()).overrideColour).toBeNull();
	});

	it('refuses a missing reason and a review date that is not ahead, changing nothing', async () => {
		expect((await act('consultant_social_worker', 'set', { ...valid(), reason: ' ' })).status).toBe(
			400
		);
		for (const reviewOn of [helsinkiDate(), inDays(-1), inDays(91), '']) {
			const r = await act('consultant_social_worker', 'set', { ...valid(), reviewOn });
			expect(r.status).toBe(400);
		}
		expect((await stored()).overrideColour).toBeNull();
	});

	it('allowed for the consultant: stored beside the computed status, in history and log', async () => {
		const ev = await eventFor(users.consultant_social_worker!, { params: { childId: childId } });
		expect((await outcome(() => page.load(ev as any))).status).toBe(200);
		const r = await act('consultant_social_worker', 'set', valid());
		expect(r.status).toBe(303);
		const s = await stored();
		expect(s).toMatchObject({
			colour: 'grey',
			overrideColour: 'yellow',
			overrideReviewOn: inDays(14)
		});
		expect(s.overrideBy).toBe(users.consultant_social_worker);
		const history = await (
			await db()
		)
			.select()
			.from(childStatusHistory)
			.where(eq(childStatusHistory.childId, childId));
		expect(history.at(-1)).toMatchObject({
			trigger: 'override',
			fromColour: 'grey',
			toColour: 'yellow'
		});
		expect(await logRows(r.requestId)).toContainEqual(
			expect.objectContaining({
				outcome: 'allowed',
				action: 'override',
				entity_type: 'child_status'
			})
		);
	});

	it('the team sees both colours; a partner sees the computed colour only', async () => {
		const team = await outcome(async () =>
			childPage.load(
				(await eventFor(users.social_worker!, { params: { childId: childId } })) as any
			)
		);
		expect((team as any).value.status).toMatchObject({
			colour: 'yellow',
			computed: 'grey',
			override: { colour: 'yellow', reviewDue: false }
		});
		const partner = await outcome(async () =>
			childPage.load((await eventFor(users.partner!, { params: { childId: childId } })) as any)
		);
		expect((partner as any).value.status).toEqual({ kind: 'partner', colour: 'grey' });
		expect((partner as any).value.statusText.reasons).toHaveLength(1);
	});

	it('a recompute keeps the override and updates the computed colour beside it', async () => {
		await recomputeChildStatus(await db(), childId, 'test');
		expect((await stored()).overrideColour).toBe('yellow');
	});

	it('refuses a decision based on an older override (optimistic lock), changing nothing', async () => {
		const before = await stored();
		const r = await act('consultant_social_worker', 'set', { ...valid(), colour: 'red' });
		expect(r.status).toBe(409);
		expect((r as any).data.form.data).toMatchObject({ colour: 'yellow' });
		expect(await stored()).toEqual(before);
		const c = await act('consultant_social_worker', 'clear', { basedOn: '' });
		expect(c.status).toBe(409);
		expect((await stored()).overrideColour).toBe('yellow');
	});

	it('clearing returns to the computed status and is kept in history', async () => {
		const basedOn = (await stored()).overrideAt!.toISOString();
		expect((await act('social_worker', 'clear', { basedOn })).status).toBe(403);
		const r = await act('consultant_social_worker', 'clear', { basedOn });
		expect(r.status).toBe(303);
		const s = await stored();
		expect(s.overrideColour).toBeNull();
		expect(s.overrideReason).toBeNull();
		const history = await (
			await db()
		)
			.select()
			.from(childStatusHistory)
			.where(eq(childStatusHistory.childId, childId))
			// In the order written: without it the rows may come back in any order.
			.orderBy(asc(childStatusHistory.seq));
		expect(history.at(-1)).toMatchObject({ trigger: 'override_cleared', toColour: 'grey' });
	});
});
