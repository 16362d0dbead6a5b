import { describe, expect, it } from 'vitest';
import { accessLog } from '../../db/schema';
import type { Db } from '../../db';
import {
	contextOf,
	db,
	loggedItems,
	makeChild,
	makeGrant,
	makeOrg,
	makeUser,
	submission,
	makeTeamScene,
	makePartner
} from '../../testing/fixtures';
import { saveAssessment } from '../assessments';
import { childPage } from '.';

/** A database whose transactions count their access-log inserts. */
function counting(d: Db) {
	const seen = { transactions: 0, logInserts: 0 };
	const wrapped = new Proxy(d, {
		get(target, key, receiver) {
			if (key !== 'transaction') return Reflect.get(target, key, receiver) as unknown;
			return (fn: (tx: unknown) => Promise<unknown>) => {
				seen.transactions++;
				return target.transaction((tx) => {
					const insert = tx.insert.bind(tx);
					const spied = new Proxy(tx, {
						get(t, k, r) {
							if (k !== 'insert') return Reflect.get(t, k, r) as unknown;
							return (table: unknown) => {
								if (table === accessLog) seen.logInserts++;
								return insert(table as typeof accessLog);
							};
						}
					});
					return fn(spied);
				});
			};
		}
	});
	return { db: wrapped, seen };
}

describe("the child's page (issue 13)", () => {
	it('reads in one transaction and writes its log in one insert, every read named', async () => {
		const d = await db();
		const { team: t, users } = await makeTeamScene(['social_worker']);
		const worker = users.social_worker!;
		const c = await makeChild(t.id, { responsibleWorkerId: worker });
		const assessed: string[] = [];
		for (const kind of ['school', 'child_health_clinic'] as const) {
			const org = await makeOrg(kind);
			const author = (await makeUser('partner', { organisationId: org.id })).user.id;
			await makeGrant(c.id, org.id, worker);
			const saved = await saveAssessment(
				d,
				await contextOf(author, c.id),
				submission({ r_S1: '3' })
			);
			assessed.push(saved.id);
		}
		const ctx = await contextOf(worker, c.id);
		const { db: spied, seen } = counting(d);
		const page = await childPage(spied, ctx);
		expect(seen).toEqual({ transactions: 1, logInserts: 1 });
		expect(page.view.child.id).toBe(c.id);
		expect(page.status.colour).toBe('red');
		expect(page.assessments).toHaveLength(2);
		expect(page.work.flags.length).toBeGreaterThan(0);
		// The team's parts of the page are read in the same transaction too.
		expect(page.meetings).toEqual([]);
		expect(page.familyWords?.lines).toEqual([]);
		expect(page.ownView).toBeNull();

		const items = await loggedItems(ctx.actor.requestId!);
		expect(items.every((i) => i.childId === c.id && i.outcome === 'allowed')).toBe(true);
		const kinds = new Set(items.map((i) => `${i.action} ${i.entityType}`));
		for (const k of [
			'read child',
			'read child_status',
			'read assessment',
			'list assessment',
			'list flag'
		])
			expect(kinds).toContain(k);
		const readAssessments = items
			.filter((i) => i.action === 'read' && i.entityType === 'assessment')
			.map((i) => i.entityId);
		expect(readAssessments.sort()).toEqual([...assessed].sort());
	});

	it('shows a partner only its own part, still one transaction and one insert', async () => {
		const d = await db();
		const { team: t, users } = await makeTeamScene(['social_worker']);
		const worker = users.social_worker!;
		const c = await makeChild(t.id, { responsibleWorkerId: worker });
		const { org: school, userId: teacher } = await makePartner('school');
		await makeGrant(c.id, school.id, worker);
		const ctx = await contextOf(teacher, c.id);
		const { db: spied, seen } = counting(d);
		const page = await childPage(spied, ctx);
		expect(seen).toEqual({ transactions: 1, logInserts: 1 });
		expect(page.overview).toBeNull();
		expect(page.work.flags).toEqual([]);
		expect(page.familyWords).toBeNull();
		expect(page.ownView).toBeNull();
		expect(page.meetings).toEqual([]);
	});
});
