import type { Db } from '../../db';
import { inTransaction, withKeptPlans } from '../../db';
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
import { childMeetingHistory } from '../meetings';
import { familyWords, ownViewColumn } from '../family';

export { meetingsText, workText, type WorkText } from './view';

/**
 * Everything the child's page shows, as one consistent read: one transaction, and every
 * access-log row of it in one insert at the end (issue 13). What each part shows, and to
 * whom, is still each feature's own rule.
 */
export function childPage(db: Db, ctx: ChildContext, now = new Date()) {
	// A hot path whose plans are the same for every child: kept (ADR 045).
	return withKeptPlans(() => readChildPage(db, ctx, now));
}

function readChildPage(db: Db, ctx: ChildContext, now: Date) {
	return inTransaction(db, (tx) =>
		gatheringLog(tx, async () => {
			// The parts are independent: read together (pipelined on PostgreSQL).
			const { flags, workflows, consultations, ...parts } = await together({
				view: getChild(tx, ctx),
				status: childStatusView(tx, ctx, now),
				overview: ctx.access.kind === 'team' ? childOverview(tx, ctx) : null,
				assessments: listAssessments(tx, ctx),
				requests: requestsForChild(tx, ctx),
				path: childPath(tx, ctx, now),
				siblings: siblingsOf(tx, ctx),
				flags: flagsForChild(tx, ctx, now),
				workflows: workflowsForChild(tx, ctx),
				consultations: consultationsForChild(tx, ctx),
				meetings: childMeetingHistory(tx, ctx),
				// The family's own words and the young person's own view (§11) are for the team,
				// never a partner's screen.
				familyWords: ctx.access.kind === 'team' ? familyWords(tx, ctx) : null,
				ownView: ctx.access.kind === 'team' ? ownViewColumn(tx, ctx) : null
			});
			return { ...parts, work: { flags, workflows, consultations } };
		})
	);
}
