import { describe, expect, it } from 'vitest';
import { exportChildAccessLog } from './access-log-export';
import { teamDashboard } from '../dashboard/dashboard';
import { recomputeAll } from '../status/status';
import { logChild } from '../../access-log';
import { ForbiddenError } from '../../errors';
import {
	contextOf,
	db,
	makeChild,
	makeGrant,
	makeUser,
	staffOf,
	makeTeamScene,
	makePartner
} from '../../testing/fixtures';

/** Who saw this child (Act 703/2023 § 11), list views included (ADR 026). */
describe("the child's access-log export", () => {
	it('names every row about the child and every list view that showed it, and nothing else', async () => {
		const d = await db();
		const { organisation: cp, team: t, users } = await makeTeamScene(['social_worker']);
		const worker = users.social_worker!;
		const coordinator = (await makeUser('coordinator', { organisationId: cp.id, teamId: t.id }))
			.user.id;
		const { org: school, userId: teacher } = await makePartner('school');
		const a = await makeChild(t.id, { responsibleWorkerId: worker });
		const b = await makeChild(t.id, { responsibleWorkerId: worker });
		await makeGrant(a.id, school.id, worker);
		await d.transaction((tx) => recomputeAll(tx, [a.id, b.id], 'test'));
		// The coordinator's dashboard shows both children in one list row.
		await teamDashboard(await db(), await staffOf(coordinator), {
			colour: null,
			workerId: null,
			signal: null,
			page: 1
		});
		// The teacher reads child a.
		const seen = await contextOf(teacher, a.id);
		await d.transaction((tx) => logChild(tx, seen, 'read', 'child'));

		const csv = await exportChildAccessLog(d, await contextOf(worker, a.id));
		const lines = csv.trim().split(/\r?\n/).slice(1);
		const listLine = lines.find((l) => l.includes(',list,child,'));
		expect(listLine).toContain(`,list,child,${a.id},team,allowed`);
		expect(lines.some((l) => l.includes(`,read,child,${a.id},`))).toBe(true);
		expect(lines.some((l) => l.includes(',export,access_log,'))).toBe(true);
		// Child b was in the same list, but a's export names only a.
		expect(csv).not.toContain(b.id);

		const other = await exportChildAccessLog(d, await contextOf(worker, b.id));
		expect(other).toContain(`,list,child,${b.id},team,allowed`);
		expect(other).not.toContain(a.id);
	});

	it('is for the team only', async () => {
		const d = await db();
		const { team: t, users } = await makeTeamScene(['social_worker']);
		const worker = users.social_worker!;
		const { org: school, userId: teacher } = await makePartner('school');
		const a = await makeChild(t.id, { responsibleWorkerId: worker });
		await makeGrant(a.id, school.id, worker);
		await expect(exportChildAccessLog(d, await contextOf(teacher, a.id))).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});
});
