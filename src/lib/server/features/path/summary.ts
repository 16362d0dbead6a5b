import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { summaryByKind } from '../../../domain/summary';
import { effectiveStatus, ruleReasons } from '../../../domain/traffic-light';
import { logChild } from '../../access-log';
import type { ChildContext, FamilyChildContext } from '../../access';
import { inTransaction, type DbOrTx } from '../../db';
import {
	child,
	childStatus,
	intensiveWorkflow,
	meetingStep,
	organisation,
	planStep,
	team,
	user,
	childName
} from '../../db/schema';
import { ForbiddenError, NotFoundError } from '../../errors';
import { currentAssessments } from '../status';

/**
 * A child's family summary (§11), for the team to print in the family's language and for
 * the family's own pages: the colour the team works with and the rules that gave it
 * (domain level), per kind of partner the domains it is worried about and those going
 * well, the open steps of the plan and of the team meeting and who does them, and how to
 * reach the responsible worker. Never an item, a rating or another organisation's free
 * text. Producing it is logged.
 */
export async function familySummary(
	db: DbOrTx,
	ctx: ChildContext | FamilyChildContext,
	now = new Date()
) {
	// The team prints it for the family; the family reads it on their own pages.
	if (ctx.access.kind !== 'team' && ctx.access.kind !== 'family') throw new ForbiddenError();
	return inTransaction(db, async (tx) => {
		const [c] = await tx
			.select({
				...childName,
				dateOfBirth: child.dateOfBirth,
				teamName: team.name,
				workerName: user.displayName,
				workerEmail: user.email
			})
			.from(child)
			.innerJoin(team, eq(team.id, child.teamId))
			.leftJoin(user, eq(user.id, child.responsibleWorkerId))
			.where(eq(child.id, ctx.childId));
		if (!c) throw new NotFoundError();
		const [s] = await tx.select().from(childStatus).where(eq(childStatus.childId, ctx.childId));
		const reasons = s?.reasons ?? [{ rule: 'no_assessment' }];
		const colour = effectiveStatus(
			s?.colour ?? 'grey',
			s?.overrideColour
				? { colour: s.overrideColour, reason: '', reviewOn: s.overrideReviewOn ?? '' }
				: null,
			helsinkiDate(now)
		).colour;
		const facts = (await currentAssessments(tx, [ctx.childId])).get(ctx.childId) ?? [];
		const orgIds = [...new Set(facts.map((f) => f.organisationId))];
		const orgs = orgIds.length
			? await tx
					.select({ id: organisation.id, kind: organisation.kind })
					.from(organisation)
					.where(inArray(organisation.id, orgIds))
			: [];
		const kinds = summaryByKind(
			facts.map((f) => ({
				organisationKind: orgs.find((o) => o.id === f.organisationId)!.kind,
				ratings: f.ratings
			}))
		);
		const steps = await tx
			.select({ what: planStep.what, who: planStep.who, dueOn: planStep.dueOn })
			.from(planStep)
			.innerJoin(intensiveWorkflow, eq(intensiveWorkflow.id, planStep.workflowId))
			.where(
				and(
					eq(intensiveWorkflow.childId, ctx.childId),
					eq(intensiveWorkflow.state, 'active'),
					isNull(planStep.doneAt)
				)
			)
			.orderBy(asc(planStep.dueOn));
		// The steps the team meeting agreed (§7) and not yet marked, with who does them.
		const agreed = await tx
			.select({ what: meetingStep.what, who: user.displayName, dueOn: meetingStep.dueOn })
			.from(meetingStep)
			.innerJoin(user, eq(user.id, meetingStep.ownerId))
			.where(and(eq(meetingStep.childId, ctx.childId), isNull(meetingStep.outcome)));
		steps.push(...agreed);
		steps.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
		await logChild(tx, ctx, 'produce', 'family_summary');
		return {
			child: { givenName: c.givenName, familyName: c.familyName, dateOfBirth: c.dateOfBirth },
			colour,
			// An override's own reason is the team's note: the summary gives the rules only.
			reasons: ruleReasons(reasons),
			overridden: !!s?.overrideColour && colour === s.overrideColour,
			kinds,
			steps,
			worker: c.workerName ? { name: c.workerName, email: c.workerEmail! } : null,
			teamName: c.teamName
		};
	});
}
