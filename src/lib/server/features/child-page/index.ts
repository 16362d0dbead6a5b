import type { Db } from '../../db';
import { inTransaction } from '../../db';
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
		gatheringLog(tx, async () => ({
			view: await getChild(tx, ctx),
			status: await childStatusView(tx, ctx, now),
			overview: ctx.access.kind === 'team' ? await childOverview(tx, ctx) : null,
			assessments: await listAssessments(tx, ctx),
			requests: await requestsForChild(tx, ctx),
			path: await childPath(tx, ctx, now),
			siblings: await siblingsOf(tx, ctx),
			work: {
				flags: await flagsForChild(tx, ctx, now),
				workflows: await workflowsForChild(tx, ctx),
				consultations: await consultationsForChild(tx, ctx)
			}
		}))
	);
}
