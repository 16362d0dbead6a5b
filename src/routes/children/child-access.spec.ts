import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDate } from '$lib/domain/access';
import { accessGrant, assessment, notification, user } from '$lib/server/db/schema';
import {
	db,
	eventFor,
	makeChild,
	makeGrant,
	makeOrg,
	makePlacement,
	makeTeam,
	makeUser,
	makePartner
} from '$lib/server/testing/fixtures';
import { logRows, outcome } from '$lib/server/testing/routes';
import * as overview from './[childId]/+page.server';
import * as homePage from '../+page.server';
import * as access from './[childId]/access/+page.server';
import * as newAssessment from './[childId]/assessments/new/[[requestId]]/+page.server';
import * as exportLog from './[childId]/access-log/+server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

const today = helsinkiDate();
const daysFrom = (n: number) => helsinkiDate(new Date(Date.now() + n * 86400_000));

let childId: string;
let notPlacedId: string;
const users: Record<string, string> = {};

beforeAll(async () => {
	const cp = await makeOrg('child_protection');
	const teamA = await makeTeam(cp.id);
	const teamB = await makeTeam(cp.id);
	users.team = (
		await makeUser('social_worker', { organisationId: cp.id, teamId: teamA.id })
	).user.id;
	users.otherTeam = (
		await makeUser('social_worker', { organisationId: cp.id, teamId: teamB.id })
	).user.id;
	users.admin = (await makeUser('admin')).user.id;
	const orgs = {
		granted: await makeOrg('school'),
		none: await makeOrg('school'),
		revoked: await makeOrg('child_psychiatry'),
		expired: await makeOrg('child_health_clinic'),
		unit: await makeOrg('residential_unit')
	};
	for (const [k, o] of Object.entries(orgs)) {
		const role = k === 'unit' ? 'residential_staff' : 'partner';
		users[k] = (await makeUser(role, { organisationId: o.id })).user.id;
	}
	childId = (await makeChild(teamA.id, { dateOfBirth: '2015-05-05' })).id;
	notPlacedId = (await makeChild(teamA.id, { dateOfBirth: '2015-05-05' })).id;
	const from = { validFrom: daysFrom(-30) };
	await makeGrant(childId, orgs.granted.id, users.team, {
		...from,
		basis: 'consent',
		consentGivenBy: 'huoltaja',
		consentGivenOn: daysFrom(-30)
	});
	await makeGrant(childId, orgs.revoked.id, users.team, {
		...from,
		basis: 'consent',
		revokedAt: new Date()
	});
	await makeGrant(childId, orgs.expired.id, users.team, { ...from, validUntil: daysFrom(-1) });
	await makePlacement(childId, orgs.unit.id, users.team, daysFrom(-30));
});

const readAs = async (who: string, id = childId) => {
	const event = await eventFor(users[who]!, { params: { childId: id } });
	return {
		...(await outcome(() => overview.load(event as any))),
		requestId: event.locals.requestId
	};
};

/** A guardian's consent from `today` (§3). */
const consent = (today: string) =>
	({
		basis: 'consent',
		consentGivenBy: 'huoltaja',
		consentGivenOn: today,
		validFrom: today
	}) as const;

describe('reading a child', () => {
	it.each([
		['team', 'team'],
		['granted', 'consent'],
		['unit', 'placement']
	])('allowed: %s (basis %s), logged with the basis', async (who, basis) => {
		const r = await readAs(who);
		expect(r.status).toBe(200);
		const rows = await logRows(r.requestId);
		expect(rows.length).toBeGreaterThan(0);
		expect(
			rows.every((x) => x.outcome === 'allowed' && x.basis === basis && x.child_id === childId)
		).toBe(true);
	});

	it.each(['none', 'revoked', 'expired', 'otherTeam', 'admin'])(
		'denied: %s gets 404 and a denied log row',
		async (who) => {
			const r = await readAs(who);
			expect(r.status).toBe(404);
			expect(await logRows(r.requestId)).toEqual([
				expect.objectContaining({ outcome: 'denied', child_id: childId })
			]);
		}
	);

	it('residential staff: denied for a child not placed with the unit', async () => {
		const r = await readAs('unit', notPlacedId);
		expect(r.status).toBe(404);
		expect((await logRows(r.requestId))[0]?.outcome).toBe('denied');
	});

	it('an unknown child looks exactly like a forbidden one', async () => {
		const r = await readAs('granted', crypto.randomUUID());
		expect(r.status).toBe(404);
	});

	it('a partner never sees the identity code, placements or other grants', async () => {
		const r: any = await readAs('granted');
		expect(r.value.view.kind).toBe('partner');
		expect(JSON.stringify(r.value.view)).not.toMatch(/personalIdentityCode|placements|grants/);
		// Status: the combined colour, and as text the domain colours and the rules behind
		// them; nothing of who said what (no organisation, item, rating or date), no grid.
		expect(Object.keys(r.value.status).sort()).toEqual(['colour', 'kind']);
		expect(r.value.statusText.signals).toEqual([]);
		expect(r.value.statusText.history).toEqual([]);
		expect(r.value.statusText.reasons.length).toBeGreaterThan(0);
		for (const reason of r.value.statusText.reasons) expect(typeof reason).toBe('string');
		expect(JSON.stringify(r.value.statusText)).not.toMatch(/organisation|assessment|item|rating/i);
		expect(r.value.overview).toBeNull();
	});
});

describe('writing', () => {
	const grantForm = () => ({
		organisationId: '',
		basis: 'consent',
		consentGivenBy: 'x',
		consentGivenOn: today,
		validFrom: today,
		validUntil: ''
	});

	it.each(['granted', 'none', 'unit', 'otherTeam', 'admin'])(
		'only the team grants access: %s is refused and nothing changes',
		async (who) => {
			const d = await db();
			const before = await d.select().from(accessGrant).where(eq(accessGrant.childId, childId));
			const event = await eventFor(users[who]!, {
				params: { childId: childId },
				form: grantForm()
			});
			const r = await outcome(() => access.actions.grant!(event as any));
			expect(r.status).toBe(404);
			expect(
				await d.select().from(accessGrant).where(eq(accessGrant.childId, childId))
			).toHaveLength(before.length);
		}
	);

	it.each(['none', 'revoked', 'expired', 'otherTeam', 'admin'])(
		'no assessment without access: %s',
		async (who) => {
			const d = await db();
			const event = await eventFor(users[who]!, {
				params: { childId: childId },
				form: { r_S1: '1', familyInformed: 'yes' }
			});
			const r = await outcome(() => newAssessment.actions.submit!(event as any));
			expect(r.status).toBe(404);
			const rows = await d.select().from(assessment).where(eq(assessment.authorId, users[who]!));
			expect(rows).toHaveLength(0);
		}
	);

	it('a revoked grant stops access from the next request on', async () => {
		const { org: school, userId: partner } = await makePartner('school');
		users.temp = partner;
		const g = await makeGrant(childId, school.id, users.team!, consent(today));
		expect((await readAs('temp')).status).toBe(200);
		const event = await eventFor(users.team!, {
			params: { childId: childId },
			form: { id: g.id }
		});
		expect((await outcome(() => access.actions.revoke!(event as any))).status).toBe(303);
		expect((await readAs('temp')).status).toBe(404);
	});
});

describe('a 41 § information request (§3)', () => {
	const requestForm = (extra: Record<string, string> = {}) => ({
		organisationId: '',
		basis: 'statutory_request',
		consentGivenBy: '',
		consentGivenOn: '',
		validFrom: today,
		validUntil: daysFrom(60),
		requestMessage: 'Pyydämme tietoja lapsen koulunkäynnistä syksyltä.',
		dueOn: daysFrom(10),
		...extra
	});

	it('needs what is asked, a due date and an end; refused, nothing is written', async () => {
		const d = await db();
		const school = await makeOrg('school');
		for (const [extra, field] of [
			[{ validUntil: '' }, 'validUntil'],
			[{ requestMessage: '' }, 'requestMessage'],
			[{ dueOn: '' }, 'dueOn'],
			[{ dueOn: daysFrom(90) }, 'dueOn'],
			[{ dueOn: daysFrom(-1) }, 'dueOn']
		] as const) {
			const event = await eventFor(users.team!, {
				params: { childId },
				form: requestForm({ ...extra, organisationId: school.id })
			});
			const r = await outcome(() => access.actions.grant!(event as any));
			expect(r.status, field).toBe(400);
			expect(Object.keys(r.data.grantForm.errors), field).toEqual([field]);
		}
		const rows = await d
			.select()
			.from(accessGrant)
			.where(eq(accessGrant.organisationId, school.id));
		expect(rows).toEqual([]);
	});

	it("is made by the team, ends, and shows on the partner's home with its due date", async () => {
		const d = await db();
		const { org: school, userId: teacher } = await makePartner('school');
		users.teacher = teacher;
		const event = await eventFor(users.team!, {
			params: { childId },
			form: requestForm({ organisationId: school.id })
		});
		expect((await outcome(() => access.actions.grant!(event as any))).status).toBe(303);
		const [g] = await d.select().from(accessGrant).where(eq(accessGrant.organisationId, school.id));
		expect(g).toMatchObject({
			basis: 'statutory_request',
			validUntil: daysFrom(60),
			dueOn: daysFrom(10),
			requestMessage: expect.stringContaining('koulunkäynnistä')
		});
		expect((await readAs('teacher')).status).toBe(200);
		const home = await outcome(async () => homePage.load((await eventFor(teacher)) as any));
		expect(home.status).toBe(200);
		expect(home.value.inbox.infoRequests).toEqual([
			expect.objectContaining({ childId, dueOn: daysFrom(10), overdue: false })
		]);
		const told = await d.select().from(notification).where(eq(notification.userId, teacher));
		expect(told.map((n) => n.kind)).toEqual(['information_request']);
	});
});

describe('a notification gives no access (§3)', () => {
	it('a grant on the ended notification basis, even unrevoked, reads nothing: 404, logged', async () => {
		const { org: school, userId: notifier } = await makePartner('school');
		users.notifier = notifier;
		await makeGrant(childId, school.id, users.team!, { basis: 'notification', validFrom: today });
		const r = await readAs('notifier');
		expect(r.status).toBe(404);
		expect(await logRows(r.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'denied', child_id: childId })
		);
		// The same organisation with consent reads the child: the basis alone decides.
		await makeGrant(childId, school.id, users.team!, consent(today));
		expect((await readAs('notifier')).status).toBe(200);
	});
});

describe('access log export', () => {
	it('is the team’s only, and lists this child’s reads and writes only', async () => {
		const denied = await outcome(async () =>
			exportLog.GET((await eventFor(users.granted!, { params: { childId: childId } })) as any)
		);
		expect(denied.status).toBe(404);
		await readAs('granted');
		await readAs('team', notPlacedId);
		const event = await eventFor(users.team!, { params: { childId: childId } });
		const res = await exportLog.GET(event as any);
		expect(res.headers.get('content-type')).toMatch(/text\/csv/);
		const csv = await res.text();
		const lines = csv.trim().split('\n');
		expect(lines[0]).toBe('time,person,organisation,role,action,entity,entity_id,basis,outcome');
		expect(csv).toContain('consent');
		expect(csv).toContain('denied');
		expect(csv).not.toContain(notPlacedId);
		// The export itself is logged.
		expect(await logRows(event.locals.requestId)).toEqual([
			expect.objectContaining({ outcome: 'allowed', child_id: childId })
		]);
	});

	it('writes a name that looks like a formula as text', async () => {
		const d = await db();
		const evil = '=HYPERLINK("http://evil.example","x")';
		await d.update(user).set({ displayName: evil }).where(eq(user.id, users.granted!));
		await readAs('granted');
		const res = await exportLog.GET(
			(await eventFor(users.team!, { params: { childId: childId } })) as any
		);
		const csv = await res.text();
		expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
		expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
	});
});
