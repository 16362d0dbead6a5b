import { and, eq, isNull, lt } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import type { Db } from '../../db';
import { child, flag, intensiveWorkflow } from '../../db/schema';
import { notify, teamMembersWithRole } from './notifications';

/**
 * Tells people once about what has become overdue: a flag past its triage day (the
 * consultant social workers and the responsible worker), a review past its day (the lead
 * worker). Marked in the same transaction, so a rerun never notifies twice.
 */
export async function notifyOverdue(db: Db, now = new Date()) {
	const today = helsinkiDate(now);
	let count = 0;
	const flags = await db
		.select({ id: flag.id, childId: flag.childId, worker: child.responsibleWorkerId })
		.from(flag)
		.innerJoin(child, eq(child.id, flag.childId))
		.where(and(eq(flag.status, 'open'), lt(flag.dueOn, today), isNull(flag.overdueNotifiedAt)));
	for (const f of flags) {
		await db.transaction(async (tx) => {
			const [claimed] = await tx
				.update(flag)
				.set({ overdueNotifiedAt: now })
				.where(and(eq(flag.id, f.id), isNull(flag.overdueNotifiedAt)))
				.returning({ id: flag.id });
			if (!claimed) return;
			const consultants = await teamMembersWithRole(tx, f.childId, ['consultant_social_worker']);
			await notify(tx, [...consultants, f.worker], 'flag_overdue', `/flags/${f.id}`, now);
			count++;
		});
	}
	const reviews = await db
		.select({
			id: intensiveWorkflow.id,
			lead: intensiveWorkflow.leadWorkerId,
			due: intensiveWorkflow.nextReviewOn,
			notified: intensiveWorkflow.reviewOverdueNotifiedOn
		})
		.from(intensiveWorkflow)
		.where(and(eq(intensiveWorkflow.state, 'active'), lt(intensiveWorkflow.nextReviewOn, today)));
	for (const r of reviews) {
		if (r.notified === r.due) continue;
		await db.transaction(async (tx) => {
			await tx
				.update(intensiveWorkflow)
				.set({ reviewOverdueNotifiedOn: r.due })
				.where(eq(intensiveWorkflow.id, r.id));
			await notify(tx, [r.lead], 'review_overdue', `/workflows/${r.id}`, now);
			count++;
		});
	}
	return count;
}
