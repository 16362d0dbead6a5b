import { logListed } from '../../access-log';
import {
	familyActor,
	familyChildren,
	type FamilyChild,
	type FamilyChildContext
} from '../../access';
import type { FamilyContext } from '../../context';
import { inTransaction, type DbOrTx } from '../../db';
import { ForbiddenError } from '../../errors';
import { familyClientPlan, familySummary } from '../path';
import { expectedMeetings, feedbackQuestion } from './feedback';
import { ownNotes } from './notes';
import { myPrivacy } from './privacy';
import { lastAgreement } from './reply';

/*
 * The family's own pages (docs/domain.md §11): the children a family member may see, and
 * one child's summary and plan as the family reads them. Every read in the access log
 * with the family basis, in the read's transaction.
 */

/** The children the person may see now (a list row in the log naming them). */
export async function myChildren(db: DbOrTx, ctx: FamilyContext): Promise<FamilyChild[]> {
	return inTransaction(db, async (tx) => {
		const children = await familyChildren(tx, ctx.personId, ctx.now);
		const actor = familyActor(ctx);
		await logListed(
			tx,
			children.map((c) => ({
				actor,
				basis: c.basis,
				entityType: 'child',
				entityId: c.childId,
				childId: c.childId
			}))
		);
		return children;
	});
}

/**
 * One child's page for the family: the summary, the plan, the reader's own words to the
 * team and the two questions when there is something to ask about, in one transaction.
 */
export async function ownChildPage(db: DbOrTx, ctx: FamilyChildContext) {
	if (ctx.access.kind !== 'family') throw new ForbiddenError();
	return inTransaction(db, async (tx) => ({
		basis: ctx.access.basis,
		summary: await familySummary(tx, ctx, ctx.now),
		plan: await familyClientPlan(tx, ctx),
		notes: await ownNotes(tx, ctx),
		feedback: await feedbackQuestion(tx, ctx),
		meetings: await expectedMeetings(tx, ctx),
		privacy: await myPrivacy(tx, ctx),
		agreement: await lastAgreement(tx, ctx)
	}));
}
