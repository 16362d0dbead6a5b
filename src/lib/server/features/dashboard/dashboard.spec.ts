import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadMemberships } from '../../auth/session';
import { child } from '../../db/schema';
import { db, makeOrg, makeTeam, makeUser, uniq } from '../../testing/fixtures';
import { teamDashboard } from './dashboard';
import { recomputeAll } from '../status/status';
import { type Viewer } from '../../access-log';
import { ForbiddenError } from '../../errors';

async function viewer(userId: string): Promise<Viewer> {
	return {
		userId,
		memberships: await loadMemberships(await db(), userId),
		requestId: `t-${uniq()}`
	};
}

describe('team dashboard', () => {
	it('shows the own team only, pages on the server, and logs each child shown', async () => {
		const d = await db();
		const cp = await makeOrg('child_protection');
		const t = await makeTeam(cp.id);
		const other = await makeTeam(cp.id);
		const v = await viewer(
			(await makeUser('coordinator', { organisationId: cp.id, teamId: t.id })).user.id
		);
		const mk = (teamId: string, n: number) =>
			d
				.insert(child)
				.values(
					Array.from({ length: n }, (_, i) => ({
						teamId,
						givenName: 'D',
						familyName: `Lapsi ${i}`,
						dateOfBirth: '2015-01-01',
						homeMunicipality: 'Järvelä'
					}))
				)
				.returning({ id: child.id });
		const mine = await mk(t.id, 60);
		const theirs = await mk(other.id, 5);
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

		const res = await d.execute(
			sql`select count(*)::int as n from access_log where request_id = ${v.requestId} and action = 'list'`
		);
		const n = ((Array.isArray(res) ? res : (res as { rows: unknown[] }).rows)[0] as { n: number })
			.n;
		expect(n).toBe(50 + 10 + 0);
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
});
