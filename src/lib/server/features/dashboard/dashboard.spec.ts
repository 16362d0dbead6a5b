import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { caseContact, family, statutoryClock } from '../../db/schema';
import { addDays } from '../../../domain/working-days';
import { helsinkiDate } from '../../../domain/access';
import {
	db,
	makeChild,
	makeChildren,
	makeContact,
	makeOrg,
	makeTeam,
	makeUser,
	staffOf
} from '../../testing/fixtures';
import { teamDashboard } from './dashboard';
import { recomputeAll } from '../status/status';
import { ForbiddenError } from '../../errors';

const viewer = staffOf;

describe('team dashboard', () => {
	it("offers the acting team's active people as the worker filter's choices", async () => {
		const d = await db();
		const cp = await makeOrg('child_protection');
		const t = await makeTeam(cp.id);
		const other = await makeTeam(cp.id);
		const me = (await makeUser('coordinator', { organisationId: cp.id, teamId: t.id })).user;
		const colleague = (await makeUser('social_worker', { organisationId: cp.id, teamId: t.id }))
			.user;
		await makeUser('social_worker', { organisationId: cp.id, teamId: t.id, active: false });
		await makeUser('social_worker', { organisationId: cp.id, teamId: other.id });
		const { workers } = await teamDashboard(d, await viewer(me.id), {
			colour: null,
			workerId: null,
			signal: null,
			page: 1
		});
		expect(workers.map((w) => w.id).sort()).toEqual([me.id, colleague.id].sort());
	});

	it('shows the own team only, pages on the server, and logs the children shown', async () => {
		const d = await db();
		const cp = await makeOrg('child_protection');
		const t = await makeTeam(cp.id);
		const other = await makeTeam(cp.id);
		const v = await viewer(
			(await makeUser('coordinator', { organisationId: cp.id, teamId: t.id })).user.id
		);
		const born = () => ({ dateOfBirth: '2015-01-01' });
		const mine = await makeChildren(t.id, 60, born);
		const theirs = await makeChildren(other.id, 5, born);
		await d.transaction((tx) =>
			recomputeAll(
				tx,
				[...mine, ...theirs].map((c) => c.id),
				'test'
			)
		);

		const p1 = await teamDashboard(d, v, { colour: null, workerId: null, signal: null, page: 1 });
		expect(p1.total).toBe(60);
		expect(p1.rows).toHaveLength(50);
		expect(p1.counts).toEqual({ grey: 60 });
		const p2 = await teamDashboard(d, v, { colour: null, workerId: null, signal: null, page: 2 });
		expect(p2.rows).toHaveLength(10);
		const ids = new Set([...p1.rows, ...p2.rows].map((r) => r.id));
		expect(ids.size).toBe(60);
		for (const c of theirs) expect(ids.has(c.id)).toBe(false);
		const red = await teamDashboard(d, v, { colour: 'red', workerId: null, signal: null, page: 1 });
		expect(red.rows).toEqual([]);

		// One row per list view (ADR 026), naming exactly the children it showed.
		const res = await d.execute(
			sql`select child_ids, entity_type, basis from access_log
				where request_id = ${v.requestId} and action = 'list' order by id`
		);
		const logged = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as {
			child_ids: string[];
			entity_type: string;
			basis: string;
		}[];
		expect(logged.map((r) => r.child_ids.length)).toEqual([50, 10]);
		expect(logged[0]!.child_ids).toEqual(p1.rows.map((r) => r.id));
		expect(logged[1]!.child_ids).toEqual(p2.rows.map((r) => r.id));
		expect(logged.every((r) => r.entity_type === 'child' && r.basis === 'team')).toBe(true);
	});

	it('orders by the colour the team works with, counts it, and counts a filter', async () => {
		const d = await db();
		const cp = await makeOrg('child_protection');
		const t = await makeTeam(cp.id);
		const { user: worker } = await makeUser('social_worker', {
			organisationId: cp.id,
			teamId: t.id
		});
		const v = await viewer(worker.id);
		const made = await makeChildren(t.id, 4, (i) => ({
			familyName: ['A', 'B', 'C', 'D'][i],
			dateOfBirth: '2015-01-01',
			responsibleWorkerId: i < 2 ? worker.id : null
		}));
		const ids = made.map((c) => c.id);
		await d.transaction((tx) => recomputeAll(tx, ids, 'test'));
		// The team's own colour counts: C raised to red, B to yellow (computed grey stays).
		await d.execute(
			sql`update child_status set override_colour = 'red' where child_id = ${ids[2]}`
		);
		await d.execute(
			sql`update child_status set override_colour = 'yellow' where child_id = ${ids[1]}`
		);
		const all = await teamDashboard(d, v, { colour: null, workerId: null, signal: null, page: 1 });
		expect(all.rows.map((r) => r.id).slice(0, 2)).toEqual([ids[2], ids[1]]);
		expect(all.rows[0]!.colour).toBe('red');
		expect(all.rows[0]!.computed).toBe('grey');
		expect(all.counts).toEqual({ red: 1, yellow: 1, grey: 2 });
		expect(all.total).toBe(4);
		const yellow = await teamDashboard(d, v, {
			colour: 'yellow',
			workerId: null,
			signal: null,
			page: 1
		});
		expect(yellow.rows.map((r) => r.id)).toEqual([ids[1]]);
		expect(yellow.total).toBe(1);
		const mine = await teamDashboard(d, v, {
			colour: null,
			workerId: worker.id,
			signal: null,
			page: 1
		});
		expect(mine.total).toBe(2);
		expect(new Set(mine.rows.map((r) => r.id))).toEqual(new Set([ids[0], ids[1]]));
	});

	it('is refused to anyone without a team role', async () => {
		const d = await db();
		for (const role of ['partner', 'residential_staff', 'admin'] as const) {
			const v = await viewer((await makeUser(role)).user.id);
			await expect(
				teamDashboard(d, v, { colour: null, workerId: null, signal: null, page: 1 })
			).rejects.toBeInstanceOf(ForbiddenError);
		}
	});

	it('filters to a deadline due soon or overdue, shows the nearest clock and the siblings', async () => {
		const d = await db();
		const cp = await makeOrg('child_protection');
		const t = await makeTeam(cp.id);
		const v = await viewer(
			(await makeUser('social_worker', { organisationId: cp.id, teamId: t.id })).user.id
		);
		const [fam] = await d.insert(family).values({ teamId: t.id }).returning();
		const names = ['Myöhässä', 'Pian', 'Kaukana', 'Toteutunut', 'Suljettu'];
		const made = await makeChildren(t.id, names.length, (i) => ({
			givenName: names[i],
			dateOfBirth: '2015-01-01',
			phase: i === 4 ? 'closed' : 'client',
			familyId: i < 2 ? fam!.id : null
		}));
		const ids = made.map((c) => c.id);
		await d.transaction((tx) => recomputeAll(tx, ids, 'test'));
		const today = helsinkiDate();
		const clock = (i: number, dueIn: number, met = false) => ({
			childId: ids[i]!,
			kind: 'client_plan_review' as const,
			startedOn: addDays(today, -300),
			dueOn: addDays(today, dueIn),
			metOn: met ? addDays(today, -1) : null
		});
		await d
			.insert(statutoryClock)
			.values([clock(0, -3), clock(1, 2), clock(2, 60), clock(3, -3, true), clock(4, -3)]);
		const due = await teamDashboard(d, v, {
			colour: null,
			workerId: null,
			signal: null,
			deadline: 'due',
			page: 1
		});
		// Met clocks and closed cases are not due; a far one is not yet.
		expect(new Set(due.rows.map((r) => r.id))).toEqual(new Set([ids[0], ids[1]]));
		const late = due.rows.find((r) => r.id === ids[0])!;
		expect(late.clock).toMatchObject({ kind: 'client_plan_review', dueOn: addDays(today, -3) });
		expect(late.clock!.state?.state).toBe('overdue');
		expect(late.siblings.map((s) => s.id)).toEqual([ids[1]]);
		const all = await teamDashboard(d, v, { colour: null, workerId: null, signal: null, page: 1 });
		expect(all.total).toBe(5);
		expect(all.rows.find((r) => r.id === ids[2])!.clock!.state?.state).toBe('running');
	});
});

describe('notifications awaiting an urgency assessment (§10)', () => {
	it('are counted for the own team, late after the day received, and drop out once assessed', async () => {
		const d = await db();
		const cp = await makeOrg('child_protection');
		const t = await makeTeam(cp.id);
		const other = await makeTeam(cp.id);
		const worker = (await makeUser('social_worker', { organisationId: cp.id, teamId: t.id })).user
			.id;
		const v = await viewer(worker);
		const now = new Date('2026-12-04T10:00:00Z');
		const today = helsinkiDate(now);
		const contact = async (teamId: string, receivedOn: string, urgent: boolean | null = null) => {
			const c = await makeChild(teamId, { phase: 'contact' });
			return makeContact(c.id, worker, cp.id, { receivedOn, urgent });
		};
		const filter = { colour: null, workerId: null, signal: null, page: 1 } as const;
		expect(await teamDashboard(d, v, filter, now)).toMatchObject({
			unassessed: 0,
			unassessedLate: 0
		});
		await contact(t.id, today);
		const late = await contact(t.id, addDays(today, -1));
		await contact(t.id, addDays(today, -3), false);
		await contact(other.id, addDays(today, -3));
		expect(await teamDashboard(d, v, filter, now)).toMatchObject({
			unassessed: 2,
			unassessedLate: 1
		});
		await d.update(caseContact).set({ urgent: true }).where(eq(caseContact.id, late.id));
		expect(await teamDashboard(d, v, filter, now)).toMatchObject({
			unassessed: 1,
			unassessedLate: 0
		});
	});
});
