import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateSessionToken, createSession } from '$lib/server/auth';
import { generateToken } from '$lib/server/auth/tokens';
import { team } from '$lib/server/db/schema';
import {
	db,
	eventFor,
	makeChild,
	makeMembership,
	makeOrg,
	makeTeam,
	makeUser,
	uniq
} from '$lib/server/testing/fixtures';
import { outcome } from '$lib/server/testing/routes';
import * as home from '../+page.server';
import * as childPage from '../children/[childId]/+page.server';
import * as children from '../children/+page.server';
import * as meetings from '../team/meetings/+page.server';
import * as choose from './+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/**
 * A person in two teams acts in the one they chose in the header, never in whichever
 * membership happens to come first (docs/domain.md §2): its children, lists and actions only.
 */
let worker: string;
let teamA: string;
let teamB: string;
let childA: string;
let childB: string;

beforeAll(async () => {
	const d = await db();
	// One membership per organisation: two teams are two organisations' (two municipalities).
	const cp = await makeOrg('child_protection');
	const cp2 = await makeOrg('child_protection');
	teamA = (await makeTeam(cp.id)).id;
	teamB = (await makeTeam(cp2.id)).id;
	// Names decide the default: A's comes first.
	await d
		.update(team)
		.set({ name: `A ${uniq()}` })
		.where(eq(team.id, teamA));
	await d
		.update(team)
		.set({ name: `B ${uniq()}` })
		.where(eq(team.id, teamB));
	worker = (await makeUser('social_worker', { organisationId: cp2.id, teamId: teamB })).user.id;
	await makeMembership(worker, cp.id, 'social_worker', { teamId: teamA });
	childA = (await makeChild(teamA)).id;
	childB = (await makeChild(teamB)).id;
});

const read = async (childId: string, team?: string) =>
	(
		await outcome(async () =>
			childPage.load((await eventFor(worker, { params: { childId }, team })) as any)
		)
	).status;

describe('acting in one team at a time', () => {
	it('before choosing: the first team by name, and only its children', async () => {
		const e = await eventFor(worker);
		expect(e.locals.user!.teamId).toBe(teamA);
		expect(e.locals.user!.teams.map((t) => t.id)).toEqual([teamA, teamB]);
		expect(await read(childA)).toBe(200);
		expect(await read(childB)).toBe(404);
	});

	it('after choosing the other team: its children, its list, its meetings; not the first', async () => {
		expect(await read(childB, teamB)).toBe(200);
		expect(await read(childA, teamB)).toBe(404);
		const list = await outcome(async () =>
			children.load((await eventFor(worker, { team: teamB })) as any)
		);
		const ids = list.value.children.rows.map((r: any) => r.id);
		expect(ids).toContain(childB);
		expect(ids).not.toContain(childA);
		const m = await outcome(async () =>
			meetings.load((await eventFor(worker, { team: teamB })) as any)
		);
		expect(m.status).toBe(200);
		const dash = await outcome(async () =>
			home.load((await eventFor(worker, { team: teamB })) as any)
		);
		expect(dash.status).toBe(200);
	});

	it('the switch sets the choice for one of their own teams and goes home', async () => {
		const e = await eventFor(worker, { form: { teamId: teamB } });
		const r = await outcome(() => choose.actions.choose!(e as any));
		expect(r).toMatchObject({ status: 303, location: '/' });
		expect(e.cookies.get('team')).toBe(teamB);
	});

	it('refuses a team that is not theirs (404) and anyone without a team (403); nothing set', async () => {
		const stranger = await makeTeam((await makeOrg('child_protection')).id);
		const e = await eventFor(worker, { form: { teamId: stranger.id } });
		expect((await outcome(() => choose.actions.choose!(e as any))).status).toBe(404);
		expect(e.cookies.get('team')).toBeUndefined();
		const partner = (await makeUser('partner')).user.id;
		const p = await eventFor(partner, { form: { teamId: teamA } });
		expect((await outcome(() => choose.actions.choose!(p as any))).status).toBe(403);
		expect(p.cookies.get('team')).toBeUndefined();
	});

	it('the session acts in the chosen team when it is theirs, else in their first', async () => {
		const d = await db();
		const { token } = await createSession(d, worker);
		expect((await validateSessionToken(d, token, new Date(), teamB)).user!.teamId).toBe(teamB);
		expect((await validateSessionToken(d, token, new Date(), generateToken())).user!.teamId).toBe(
			teamA
		);
		expect((await validateSessionToken(d, token)).user!.memberships.map((m) => m.teamId)).toEqual([
			teamA
		]);
	});
});
