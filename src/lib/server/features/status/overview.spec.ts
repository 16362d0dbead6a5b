import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accessLog } from '../../db/schema';
import {
	contextOf,
	db,
	makeChild,
	makeGrant,
	makeOrg,
	makeUser,
	submission,
	loggedItems,
	makeTeamScene
} from '../../testing/fixtures';
import { saveAssessment } from '../assessments/assessments';
import { childOverview } from './overview';

describe("the child's overview", () => {
	it('logs a read of each current assessment it shows, with the reader and basis', async () => {
		const d = await db();
		const { team: t, users } = await makeTeamScene(['social_worker']);
		const worker = users.social_worker!;
		const c = await makeChild(t.id);
		const ids: string[] = [];
		for (const kind of ['school', 'child_health_clinic', 'child_psychiatry'] as const) {
			const org = await makeOrg(kind);
			const author = (await makeUser('partner', { organisationId: org.id })).user.id;
			await makeGrant(c.id, org.id, worker);
			ids.push(
				(await saveAssessment(d, await contextOf(author, c.id), submission({ r_L1: '1' }))).id
			);
		}
		const ctx = await contextOf(worker, c.id);
		const view = await childOverview(d, ctx);
		expect(view.organisations).toHaveLength(3);
		const rows = (await loggedItems(ctx.actor.requestId!)).filter(
			(r) => r.entityType === 'assessment' && r.action === 'read'
		);
		// One row for the assessments shown (ADR 026), each named.
		expect(
			(
				await d
					.select({ n: sql<number>`count(*)::int` })
					.from(accessLog)
					.where(
						and(
							eq(accessLog.requestId, ctx.actor.requestId!),
							eq(accessLog.entityType, 'assessment')
						)
					)
			)[0]!.n
		).toBe(1);
		expect(rows.every((r) => r.childId === c.id)).toBe(true);
		const actor = (r: (typeof rows)[number]) => r.actorUserId;
		expect(rows.map((r) => r.entityId).sort()).toEqual([...ids].sort());
		expect(new Set(rows.map((r) => `${actor(r)} ${r.basis}`))).toEqual(new Set([`${worker} team`]));
	});
});
