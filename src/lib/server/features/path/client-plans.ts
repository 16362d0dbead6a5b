import { and, desc, eq } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { reviewDateProblem } from '../../../domain/clocks';
import { CASELOAD_PHASES } from '../../../domain/path';
import type { Locale } from '../../../domain/roles';
import { m } from '../../../paraglide/messages';
import { logChild, loggedRows } from '../../access-log';
import type { ChildContext, FamilyChildContext } from '../../access';
import type { Db, DbOrTx } from '../../db';
import { child, clientPlan, statutoryClock, team, user, childName } from '../../db/schema';
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from '../../errors';
import { lockChild } from '../status';
import { meetOpenClock } from './clocks';

/*
 * The client plan (asiakassuunnitelma, 30 §) as a document (docs/domain.md §10): versions
 * in order, each kept as it was agreed; a new version supersedes the one before. Making a
 * plan meets the running plan clock and starts the next at the review date it sets. Team
 * roles only; every read and write in the access log.
 */

export type ClientPlanInput = {
	/** The version the form was filled from (0 for the first): a newer one is not overwritten. */
	basedOn: number;
	language: Locale;
	madeOn: string;
	situation: string;
	goals: string;
	services: string;
	childView: string;
	childHeardOn: string;
	parentsView: string;
	parentsHeardOn: string;
	participation: string;
	nextReviewOn: string;
};

function assertTeam(ctx: ChildContext) {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
}

const REVIEW_TEXT = {
	not_after: () => m.error_review_not_after(),
	too_late: () => m.error_review_too_late()
} as const;

function validate(input: ClientPlanInput, today: string) {
	const fields: Record<string, string> = {};
	if (input.madeOn > today) fields.madeOn = m.error_date_in_future();
	for (const key of ['childHeardOn', 'parentsHeardOn'] as const)
		if (input[key] && input[key] > input.madeOn) fields[key] = m.error_heard_after_plan();
	const review = reviewDateProblem(input.madeOn, input.nextReviewOn);
	if (review) fields.nextReviewOn = REVIEW_TEXT[review]();
	if (Object.keys(fields).length) throw new FieldError(fields);
}

/** The versions of the child's plan, newest first (one log row naming them all). */
export async function clientPlans(db: DbOrTx, ctx: ChildContext) {
	assertTeam(ctx);
	const rows = await db
		.select({
			id: clientPlan.id,
			number: clientPlan.number,
			madeOn: clientPlan.madeOn,
			nextReviewOn: clientPlan.nextReviewOn,
			language: clientPlan.language,
			madeBy: user.displayName
		})
		.from(clientPlan)
		.innerJoin(user, eq(user.id, clientPlan.madeBy))
		.where(eq(clientPlan.childId, ctx.childId))
		.orderBy(desc(clientPlan.number));
	return loggedRows(db, ctx, 'read', 'client_plan', rows);
}

/** One version, whole, with the child's name and team for the printed page; logged. */
export async function clientPlanVersion(db: DbOrTx, ctx: ChildContext, planId: string) {
	assertTeam(ctx);
	const [row] = await db
		.select({
			plan: clientPlan,
			madeBy: user.displayName,
			...childName,
			dateOfBirth: child.dateOfBirth,
			teamName: team.name
		})
		.from(clientPlan)
		.innerJoin(user, eq(user.id, clientPlan.madeBy))
		.innerJoin(child, eq(child.id, clientPlan.childId))
		.innerJoin(team, eq(team.id, child.teamId))
		.where(and(eq(clientPlan.id, planId), eq(clientPlan.childId, ctx.childId)));
	if (!row) throw new NotFoundError();
	const [latest] = await db
		.select({ number: clientPlan.number })
		.from(clientPlan)
		.where(eq(clientPlan.childId, ctx.childId))
		.orderBy(desc(clientPlan.number))
		.limit(1);
	await logChild(db, ctx, 'read', 'client_plan', row.plan.id);
	return { ...row, supersededBy: latest && latest.number > row.plan.number ? latest.number : null };
}

/** A child's newest client plan, unlogged: for the readers below, which log what they show. */
async function newestPlan(db: DbOrTx, childId: string) {
	const [row] = await db
		.select()
		.from(clientPlan)
		.where(eq(clientPlan.childId, childId))
		.orderBy(desc(clientPlan.number))
		.limit(1);
	return row;
}

/** The newest version (to fill the next from), or null; logged when there is one. */
export async function latestClientPlan(db: DbOrTx, ctx: ChildContext) {
	assertTeam(ctx);
	const row = await newestPlan(db, ctx.childId);
	if (row) await logChild(db, ctx, 'read', 'client_plan', row.id);
	return row ?? null;
}

/**
 * The plan as the family sees it on their own pages (§11): the newest version's shared
 * parts, and of the two views only the reader's own side (a guardian the parents' view,
 * the young person their own), never another family member's words. Logged.
 */
export async function familyClientPlan(db: DbOrTx, ctx: FamilyChildContext) {
	if (ctx.access.kind !== 'family') throw new ForbiddenError();
	const row = await newestPlan(db, ctx.childId);
	if (!row) return null;
	await logChild(db, ctx, 'read', 'client_plan', row.id);
	const own = ctx.access.basis === 'own_data';
	return {
		number: row.number,
		language: row.language,
		madeOn: row.madeOn,
		nextReviewOn: row.nextReviewOn,
		situation: row.situation,
		goals: row.goals,
		services: row.services,
		participation: row.participation,
		ownView: own ? row.childView : row.parentsView,
		ownHeardOn: own ? row.childHeardOn : row.parentsHeardOn
	};
}

/**
 * Saves a new version under the child's lock. Refused while the child is not a client (the
 * plan belongs to the client relationship), and with a conflict when someone saved a
 * version after the one the form was filled from. Meets the open plan clock on the plan's
 * date (late if after it) and starts the next at the review date.
 */
export async function saveClientPlan(
	db: Db,
	ctx: ChildContext,
	input: ClientPlanInput,
	now = new Date()
) {
	assertTeam(ctx);
	validate(input, helsinkiDate(now));
	return db.transaction(async (tx) => {
		await lockChild(tx, ctx.childId);
		const [c] = await tx
			.select({ phase: child.phase, phaseSince: child.phaseSince })
			.from(child)
			.where(eq(child.id, ctx.childId));
		if (!c) throw new NotFoundError();
		if (!CASELOAD_PHASES.includes(c.phase))
			throw new FieldError({ madeOn: m.error_plan_not_client() });
		const [latest] = await tx
			.select({ number: clientPlan.number, madeOn: clientPlan.madeOn })
			.from(clientPlan)
			.where(eq(clientPlan.childId, ctx.childId))
			.orderBy(desc(clientPlan.number))
			.limit(1);
		const number = latest?.number ?? 0;
		if (number !== input.basedOn) throw new ConflictError({ basedOn: number });
		if (latest && input.madeOn < latest.madeOn)
			throw new FieldError({ madeOn: m.error_plan_before_previous() });
		const [row] = await tx
			.insert(clientPlan)
			.values({
				childId: ctx.childId,
				number: number + 1,
				language: input.language,
				madeOn: input.madeOn,
				situation: input.situation.trim(),
				goals: input.goals.trim(),
				services: input.services.trim(),
				childView: input.childView.trim(),
				childHeardOn: input.childHeardOn || null,
				parentsView: input.parentsView.trim(),
				parentsHeardOn: input.parentsHeardOn || null,
				participation: input.participation.trim(),
				nextReviewOn: input.nextReviewOn,
				madeBy: ctx.actor.userId,
				createdAt: now
			})
			.returning({ id: clientPlan.id, number: clientPlan.number });
		const [open] = await meetOpenClock(tx, { childId: ctx.childId }, 'client_plan_review', {
			on: input.madeOn,
			by: ctx.actor.userId,
			now
		});
		await tx.insert(statutoryClock).values({
			childId: ctx.childId,
			kind: 'client_plan_review',
			startedOn: input.madeOn,
			dueOn: input.nextReviewOn
		});
		await logChild(tx, ctx, 'create', 'client_plan', row!.id);
		if (open) await logChild(tx, ctx, 'update', 'statutory_clock', open.id);
		return row!;
	});
}
