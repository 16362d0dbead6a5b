import type { Db } from '../../db';
import { inTransaction } from '../../db';
import { together } from '../../db/together';
import { gatheringLog } from '../../access-log';
import type { ChildContext } from '../../access';
import { listAssessments } from '../assessments';
import { getChild } from '../children';
import { consultationsForChild } from '../consultations';
import { flagsForChild } from '../flags';
import { requestsForChild } from '../grants';
import { workflowsForChild } from '../intensive';
import { childOverview, childStatusView } from '../status';
import { childPath, siblingsOf } from '../path';

/**
 * Everything the child's page shows, as one consistent read: one transaction, and every
 * access-log row of it in one insert at the end (issue 13). What each part shows, and to
 * whom, is still each feature's own rule.
 */
export function childPage(db: Db, ctx: ChildContext, now = new Date()) {
	return inTransaction(db, (tx) =>
		gatheringLog(tx, async () => {
			// The parts are independent: read together (pipelined on PostgreSQL).
			const [
				view,
				status,
				overview,
				assessments,
				requests,
				path,
				siblings,
				flags,
				workflows,
				consultations
			] = await together([
				getChild(tx, ctx),
				childStatusView(tx, ctx, now),
				ctx.access.kind === 'team' ? childOverview(tx, ctx) : null,
				listAssessments(tx, ctx),
				requestsForChild(tx, ctx),
				childPath(tx, ctx, now),
				siblingsOf(tx, ctx),
				flagsForChild(tx, ctx, now),
				workflowsForChild(tx, ctx),
				consultationsForChild(tx, ctx)
			] as const);
			return {
				view,
				status,
				overview,
				assessments,
				requests,
				path,
				siblings,
				work: { flags, workflows, consultations }
			};
		})
	);
}
