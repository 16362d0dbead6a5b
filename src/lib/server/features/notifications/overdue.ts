import { and, eq, isNull, lt, lte, ne, or } from 'drizzle-orm';
import { addWorkingDays } from '../../../domain/working-days';
import { helsinkiDate } from '../../../domain/access';
import type { Db } from '../../db';
import { assessmentRequest, child, flag, intensiveWorkflow } from '../../db/schema';
import { notify, organisationStaff, teamMembersWithRole } from './notifications';

/** A partner is reminded this many working days before an assessment request is due. */
export const REQUEST_REMINDER_WORKING_DAYS = 2;

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
			await notify(
				tx,
				[...consultants, f.worker],
				'flag_overdue',
				`/flags/${f.id}`,
				now,
				f.childId
			);
			count++;
		});
	}
	const reviews = await db
		.select({
			id: intensiveWorkflow.id,
			childId: intensiveWorkflow.childId,
			lead: intensiveWorkflow.leadWorkerId,
			due: intensiveWorkflow.nextReviewOn,
			notified: intensiveWorkflow.reviewOverdueNotifiedOn
		})
		.from(intensiveWorkflow)
		.where(and(eq(intensiveWorkflow.state, 'active'), lt(intensiveWorkflow.nextReviewOn, today)));
	for (const r of reviews) {
		if (r.notified === r.due) continue;
		await db.transaction(async (tx) => {
			// Claimed by the stamp, as above: another instance's worker may be on the same row.
			const [claimed] = await tx
				.update(intensiveWorkflow)
				.set({ reviewOverdueNotifiedOn: r.due })
				.where(
					and(
						eq(intensiveWorkflow.id, r.id),
						or(
							isNull(intensiveWorkflow.reviewOverdueNotifiedOn),
							ne(intensiveWorkflow.reviewOverdueNotifiedOn, r.due!)
						)
					)
				)
				.returning({ id: intensiveWorkflow.id });
			if (!claimed) return;
			await notify(tx, [r.lead], 'review_overdue', `/workflows/${r.id}`, now, r.childId);
			count++;
		});
	}
	count += await notifyRequests(db, now);
	return count;
}

/**
 * Assessment requests: the organisation's staff hear two working days before the due
 * date and again once it has passed, each once (the claim is the stamp on the request).
 */
async function notifyRequests(db: Db, now: Date) {
	const today = helsinkiDate(now);
	let count = 0;
	const open = await db
		.select({
			id: assessmentRequest.id,
			childId: assessmentRequest.childId,
			organisationId: assessmentRequest.organisationId,
			dueDate: assessmentRequest.dueDate,
			dueSoonNotifiedAt: assessmentRequest.dueSoonNotifiedAt
		})
		.from(assessmentRequest)
		.where(
			and(
				eq(assessmentRequest.status, 'open'),
				isNull(assessmentRequest.overdueNotifiedAt),
				lte(assessmentRequest.dueDate, addWorkingDays(today, REQUEST_REMINDER_WORKING_DAYS))
			)
		);
	for (const r of open) {
		const overdue = r.dueDate < today;
		if (!overdue && r.dueSoonNotifiedAt) continue;
		const stamp = overdue
			? assessmentRequest.overdueNotifiedAt
			: assessmentRequest.dueSoonNotifiedAt;
		await db.transaction(async (tx) => {
			const [claimed] = await tx
				.update(assessmentRequest)
				.set(overdue ? { overdueNotifiedAt: now } : { dueSoonNotifiedAt: now })
				.where(
					and(eq(assessmentRequest.id, r.id), isNull(stamp), eq(assessmentRequest.status, 'open'))
				)
				.returning({ id: assessmentRequest.id });
			if (!claimed) return;
			await notify(
				tx,
				await organisationStaff(tx, r.organisationId),
				overdue ? 'request_overdue' : 'request_due_soon',
				`/children/${r.childId}`,
				now,
				r.childId
			);
			count++;
		});
	}
	return count;
}
