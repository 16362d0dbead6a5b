import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { helsinkiDate } from '../../../domain/access';
import { PARTNER_KINDS } from '../../../domain/roles';
import { can } from '../../../domain/permissions';
import { addDays } from '../../../domain/working-days';
import {
	allowedActions,
	INTENSIVE,
	intensiveEditable,
	REVIEW_INTERVAL_DAYS,
	reviewDue,
	transition,
	type IntensiveOutcome,
	type IntensiveState
} from '../../../domain/workflows';
import { m } from '../../../paraglide/messages';
import { type Db, type DbOrTx } from '../../db';
import { lockForEdit, nextVersion } from '../../db/lock';
import {
	accessGrant,
	child,
	consultation,
	intensiveWorkflow,
	organisation,
	planStep,
	user,
	workflowEntry,
	workflowPartner,
	childName
} from '../../db/schema';
import { childTeamWorkers } from '../children';
import { notify, organisationStaff } from '../notifications';
import { ConflictError, FieldError, NotFoundError } from '../../errors';
import { ForbiddenError } from '../../errors';
import { assertChildPermission, type ChildContext, teamMemberships } from '../../access';
import { logChild, logDenied, logTeamList, type StaffContext, readLogged } from '../../access-log';
import { isOneOf } from '../../../domain/one-of';
import { intensiveStateLabel } from '../../../labels/intensive-state';

export async function childOfWorkflow(db: Db, id: string): Promise<string | null> {
	const [r] = await db
		.select({ childId: intensiveWorkflow.childId })
		.from(intensiveWorkflow)
		.where(eq(intensiveWorkflow.id, id));
	return r?.childId ?? null;
}

/** The organisation a partner acts for, when it takes part in the workflow; else null. */
async function partnerIn(tx: DbOrTx, ctx: ChildContext, workflowId: string) {
	if (ctx.access.kind === 'team') return null;
	const orgId = ctx.access.membership.organisationId;
	const [p] = await tx
		.select({ id: workflowPartner.workflowId })
		.from(workflowPartner)
		.where(
			and(eq(workflowPartner.workflowId, workflowId), eq(workflowPartner.organisationId, orgId))
		);
	return p ? orgId : null;
}

/** The denied row for a partner's refused read or edit of a workflow. */
function denyWorkflow(db: DbOrTx, ctx: ChildContext, action: string, id: string) {
	return logDenied(db, ctx.actor, {
		action,
		entityType: 'intensive_workflow',
		entityId: id,
		childId: ctx.childId
	});
}

/** The team sees every workflow of the child; a partner those it takes part in. */
export async function workflowsForChild(db: DbOrTx, ctx: ChildContext) {
	if (ctx.access.kind !== 'team' && ctx.access.membership.role !== 'partner') return [];
	const orgId = ctx.access.kind === 'team' ? null : ctx.access.membership.organisationId;
	return readLogged(db, ctx, 'list', 'intensive_workflow', (tx) =>
		tx
			.select({
				id: intensiveWorkflow.id,
				kind: intensiveWorkflow.kind,
				state: intensiveWorkflow.state,
				nextReviewOn: intensiveWorkflow.nextReviewOn,
				createdAt: intensiveWorkflow.createdAt
			})
			.from(intensiveWorkflow)
			.where(
				and(
					eq(intensiveWorkflow.childId, ctx.childId),
					orgId
						? inArray(
								intensiveWorkflow.id,
								tx
									.select({ id: workflowPartner.workflowId })
									.from(workflowPartner)
									.where(eq(workflowPartner.organisationId, orgId))
							)
						: undefined
				)
			)
			.orderBy(desc(intensiveWorkflow.createdAt))
	);
}

/**
 * The whole workflow for the team: plan, partners, contacts and reviews. A partner that
 * takes part sees the plan and its own organisation's entries, never the team's other
 * notes; any other partner gets the same logged 404 as for an unknown id.
 */
export async function getWorkflow(db: Db, ctx: ChildContext, id: string, now = new Date()) {
	const partnerOrg = ctx.access.kind === 'team' ? null : await partnerIn(db, ctx, id);
	if (ctx.access.kind !== 'team' && !partnerOrg) {
		await denyWorkflow(db, ctx, 'read', id);
		throw new NotFoundError();
	}
	return db.transaction(async (tx) => {
		const [w] = await tx
			.select({ w: intensiveWorkflow, lead: user.displayName })
			.from(intensiveWorkflow)
			.innerJoin(user, eq(user.id, intensiveWorkflow.leadWorkerId))
			.where(and(eq(intensiveWorkflow.id, id), eq(intensiveWorkflow.childId, ctx.childId)));
		if (!w) throw new NotFoundError();
		await logChild(tx, ctx, 'read', 'intensive_workflow', id);
		const steps = await tx
			.select()
			.from(planStep)
			.where(eq(planStep.workflowId, id))
			.orderBy(asc(planStep.dueOn), asc(planStep.createdAt));
		const entries = await tx
			.select({ e: workflowEntry, author: user.displayName })
			.from(workflowEntry)
			.innerJoin(user, eq(user.id, workflowEntry.authorId))
			.where(
				and(
					eq(workflowEntry.workflowId, id),
					partnerOrg ? eq(workflowEntry.authorOrganisationId, partnerOrg) : undefined
				)
			)
			.orderBy(desc(workflowEntry.on), desc(workflowEntry.createdAt));
		const partners = await tx
			.select({ id: organisation.id, name: organisation.name })
			.from(workflowPartner)
			.innerJoin(organisation, eq(organisation.id, workflowPartner.organisationId))
			.where(eq(workflowPartner.workflowId, id));
		const today = helsinkiDate(now);
		return {
			workflow: w.w,
			leadName: w.lead,
			steps,
			entries: entries.map((x) => ({ ...x.e, author: x.author })),
			partners,
			workers: partnerOrg ? [] : await childTeamWorkers(tx, ctx.childId),
			partnerChoices: partnerOrg
				? []
				: await tx
						.select({ id: organisation.id, name: organisation.name })
						.from(organisation)
						.where(inArray(organisation.kind, [...PARTNER_KINDS]))
						.orderBy(asc(organisation.name)),
			reviewDue: reviewDue(w.w.state, w.w.nextReviewOn, today),
			actions: partnerOrg ? [] : allowedActions(INTENSIVE, w.w.state),
			canManage: !partnerOrg && can(ctx.access.membership.role, 'manageWorkflow'),
			/** A taking-part partner's organisation: it marks its own steps and adds contacts. */
			partnerOrganisationId: partnerOrg
		};
	});
}

/** Locks the workflow row, checks the version and that it is still open for edits. */
async function lockWorkflow(tx: DbOrTx, ctx: ChildContext, id: string, version?: number) {
	return lockForEdit(
		tx,
		intensiveWorkflow,
		and(eq(intensiveWorkflow.id, id), eq(intensiveWorkflow.childId, ctx.childId)),
		version
	);
}

const refuse = (state: IntensiveState) =>
	new FieldError({ _form: m.error_transition({ from: intensiveStateLabel(state) }) });

export type WorkflowChange =
	| { action: 'activate'; leadWorkerId: string }
	| { action: 'close'; outcome: IntensiveOutcome; outcomeNote: string }
	| { action: 'partner'; organisationId: string }
	| { action: 'step'; what: string; who: string; dueOn: string; ownerOrganisationId?: string }
	| { action: 'step_done'; stepId: string; stepVersion: number }
	| { action: 'step_undone'; stepId: string; stepVersion: number }
	| { action: 'entry'; kind: 'contact' | 'review'; on: string; note: string };

/**
 * Every edit of an intensive workflow. Transitions go through the state machine; the
 * workflow's version guards against stale forms; each change is logged with the child.
 */
export async function changeWorkflow(
	db: Db,
	ctx: ChildContext,
	id: string,
	version: number,
	change: WorkflowChange,
	now = new Date()
) {
	// A partner taking part marks its own steps done (or undoes that) and adds contacts;
	// everything else is the team's (permission `manageWorkflow`).
	const partnerOrg = ctx.access.kind === 'team' ? null : await partnerIn(db, ctx, id);
	const partnerMay =
		change.action === 'step_done' ||
		change.action === 'step_undone' ||
		(change.action === 'entry' && change.kind === 'contact');
	if (ctx.access.kind !== 'team' && !partnerOrg) {
		await denyWorkflow(db, ctx, change.action, id);
		throw new NotFoundError();
	}
	if (partnerOrg && !partnerMay) {
		await denyWorkflow(db, ctx, change.action, id);
		throw new ForbiddenError();
	}
	if (!partnerOrg) await assertChildPermission(db, ctx, 'manageWorkflow', 'intensive_workflow', id);
	const today = helsinkiDate(now);
	return db.transaction(async (tx) => {
		const w = await lockWorkflow(tx, ctx, id, version);
		const bump = { version: nextVersion(intensiveWorkflow) };
		switch (change.action) {
			case 'activate':
			case 'close': {
				const t = transition(INTENSIVE, w.state, change.action);
				if (!t.ok) throw refuse(w.state);
				if (change.action === 'activate') {
					const workers = await childTeamWorkers(tx, ctx.childId);
					if (!workers.some((x) => x.id === change.leadWorkerId))
						throw new FieldError({ leadWorkerId: m.error_choose_option() });
					await tx
						.update(intensiveWorkflow)
						.set({
							...bump,
							state: t.to,
							leadWorkerId: change.leadWorkerId,
							activatedAt: now,
							nextReviewOn: addDays(today, REVIEW_INTERVAL_DAYS)
						})
						.where(eq(intensiveWorkflow.id, id));
				} else {
					await tx
						.update(intensiveWorkflow)
						.set({
							...bump,
							state: t.to,
							outcome: change.outcome,
							outcomeNote: change.outcomeNote,
							closedAt: now
						})
						.where(eq(intensiveWorkflow.id, id));
					// The partners' access ends with the workflow.
					const grants = await tx
						.select({ grantId: workflowPartner.grantId })
						.from(workflowPartner)
						.where(eq(workflowPartner.workflowId, id));
					if (grants.length)
						await tx
							.update(accessGrant)
							.set({ revokedAt: now, revokedBy: ctx.userId })
							.where(
								and(
									inArray(
										accessGrant.id,
										grants.map((g) => g.grantId)
									),
									isNull(accessGrant.revokedAt)
								)
							);
				}
				break;
			}
			default: {
				if (!intensiveEditable(w.state)) throw refuse(w.state);
				if (change.action === 'partner') {
					const [org] = await tx
						.select({ kind: organisation.kind })
						.from(organisation)
						.where(eq(organisation.id, change.organisationId));
					if (!org || !isOneOf(PARTNER_KINDS, org.kind))
						throw new FieldError({ organisationId: m.error_choose_partner() });
					const [exists] = await tx
						.select({ id: workflowPartner.id })
						.from(workflowPartner)
						.where(
							and(
								eq(workflowPartner.workflowId, id),
								eq(workflowPartner.organisationId, change.organisationId)
							)
						);
					if (exists) throw new FieldError({ organisationId: m.error_partner_already() });
					const [g] = await tx
						.insert(accessGrant)
						.values({
							childId: ctx.childId,
							organisationId: change.organisationId,
							basis: 'workflow',
							workflowId: id,
							validFrom: today,
							grantedBy: ctx.userId,
							grantedAt: now
						})
						.returning({ id: accessGrant.id });
					await tx
						.insert(workflowPartner)
						.values({ workflowId: id, organisationId: change.organisationId, grantId: g!.id });
					await logChild(tx, ctx, 'create', 'access_grant', g!.id);
					// Told in the app and by mail (the mail names nobody), so it need not guess.
					await notify(
						tx,
						await organisationStaff(tx, change.organisationId),
						'workflow_partner_added',
						`/workflows/${id}`,
						now,
						ctx.childId
					);
				} else if (change.action === 'step') {
					const owner = change.ownerOrganisationId || null;
					if (owner) {
						const [p] = await tx
							.select({ id: workflowPartner.organisationId })
							.from(workflowPartner)
							.where(
								and(eq(workflowPartner.workflowId, id), eq(workflowPartner.organisationId, owner))
							);
						if (!p) throw new FieldError({ ownerOrganisationId: m.error_choose_option() });
					}
					await tx.insert(planStep).values({
						workflowId: id,
						what: change.what,
						who: change.who,
						ownerOrganisationId: owner,
						dueOn: change.dueOn,
						createdBy: ctx.userId,
						createdAt: now
					});
					if (owner)
						await notify(
							tx,
							await organisationStaff(tx, owner),
							'workflow_step_assigned',
							`/workflows/${id}`,
							now,
							ctx.childId
						);
				} else if (change.action === 'step_done' || change.action === 'step_undone') {
					// Undo is the way back from a step marked done by mistake (issue 12 A8).
					const done = change.action === 'step_done';
					const [s] = await tx
						.update(planStep)
						.set({
							doneAt: done ? now : null,
							doneBy: done ? ctx.userId : null,
							version: nextVersion(planStep)
						})
						.where(
							and(
								eq(planStep.id, change.stepId),
								eq(planStep.workflowId, id),
								eq(planStep.version, change.stepVersion),
								done ? isNull(planStep.doneAt) : isNotNull(planStep.doneAt),
								partnerOrg ? eq(planStep.ownerOrganisationId, partnerOrg) : undefined
							)
						)
						.returning({ id: planStep.id });
					if (!s) throw new ConflictError(w);
				} else {
					await tx.insert(workflowEntry).values({
						workflowId: id,
						kind: change.kind,
						on: change.on,
						note: change.note,
						authorId: ctx.userId,
						authorOrganisationId: ctx.actor.organisationId,
						createdAt: now
					});
					if (change.kind === 'review' && w.state === 'active')
						Object.assign(bump, { nextReviewOn: addDays(change.on, REVIEW_INTERVAL_DAYS) });
				}
				await tx.update(intensiveWorkflow).set(bump).where(eq(intensiveWorkflow.id, id));
			}
		}
		await logChild(tx, ctx, change.action, 'intensive_workflow', id);
	});
}

/** Whose open plan steps: partner organisations' (on the children `visible` allows), or a lead worker's team's own. */
export type OpenStepsOf =
	| { ownerOrganisationIds: string[]; visible: (childId: AnyPgColumn) => SQL }
	| { leadWorkerId: string; teamId: string };

/**
 * The open plan steps of workflows not closed, with their child, soonest due first. Either
 * those partner organisations own, on children they may see: a partner's home lists them so
 * that nobody has to guess child → workflow (issue 33); or those the team owns itself in the
 * workflows one worker leads: the worker's own steps (§7). The caller logs what it shows.
 */
export async function openPlanSteps(db: DbOrTx, of: OpenStepsOf, limit?: number) {
	const whose =
		'leadWorkerId' in of
			? and(
					eq(intensiveWorkflow.leadWorkerId, of.leadWorkerId),
					isNull(planStep.ownerOrganisationId),
					eq(child.teamId, of.teamId)
				)
			: of.ownerOrganisationIds.length
				? and(inArray(planStep.ownerOrganisationId, of.ownerOrganisationIds), of.visible(child.id))
				: undefined;
	if (!whose) return [];
	const rows = db
		.select({
			id: planStep.id,
			workflowId: planStep.workflowId,
			what: planStep.what,
			dueOn: planStep.dueOn,
			childId: child.id,
			...childName
		})
		.from(planStep)
		.innerJoin(intensiveWorkflow, eq(intensiveWorkflow.id, planStep.workflowId))
		.innerJoin(child, eq(child.id, intensiveWorkflow.childId))
		.where(and(whose, isNull(planStep.doneAt), ne(intensiveWorkflow.state, 'closed')))
		.orderBy(asc(planStep.dueOn), asc(planStep.id));
	return limit === undefined ? rows : rows.limit(limit);
}

/**
 * The team's open work for the weekly meeting: consultations not yet closed and intensive
 * workflows not yet closed, with due reviews marked. Two queries, every row logged.
 */
export async function teamWork(db: Db, viewer: StaffContext, now = new Date()) {
	const ms = teamMemberships(viewer);
	if (!ms.length) throw new ForbiddenError();
	const teamIds = ms.map((x) => x.teamId!);
	const today = helsinkiDate(now);
	return db.transaction(async (tx) => {
		const consultations = await tx
			.select({
				id: consultation.id,
				childId: consultation.childId,
				teamId: child.teamId,
				...childName,
				state: consultation.state,
				urgency: consultation.urgency,
				createdAt: consultation.createdAt,
				scheduledAt: consultation.scheduledAt
			})
			.from(consultation)
			.innerJoin(child, eq(child.id, consultation.childId))
			.where(
				and(
					inArray(child.teamId, teamIds),
					inArray(consultation.state, ['requested', 'scheduled', 'held'])
				)
			)
			.orderBy(
				sql`case ${consultation.state} when 'requested' then 0 when 'scheduled' then 1 else 2 end`,
				desc(sql`${consultation.urgency} = 'urgent'`),
				asc(consultation.createdAt)
			)
			.limit(200);
		const workflows = await tx
			.select({
				id: intensiveWorkflow.id,
				childId: intensiveWorkflow.childId,
				teamId: child.teamId,
				...childName,
				kind: intensiveWorkflow.kind,
				state: intensiveWorkflow.state,
				nextReviewOn: intensiveWorkflow.nextReviewOn,
				lead: user.displayName
			})
			.from(intensiveWorkflow)
			.innerJoin(child, eq(child.id, intensiveWorkflow.childId))
			.innerJoin(user, eq(user.id, intensiveWorkflow.leadWorkerId))
			.where(
				and(
					inArray(child.teamId, teamIds),
					inArray(intensiveWorkflow.state, ['proposed', 'active'])
				)
			)
			.orderBy(asc(intensiveWorkflow.nextReviewOn))
			.limit(200);
		const row = (r: { id: string; childId: string; teamId: string }) => ({
			entityId: r.id,
			childId: r.childId,
			teamId: r.teamId
		});
		await logTeamList(tx, viewer, ms, 'consultation', consultations.map(row));
		await logTeamList(tx, viewer, ms, 'intensive_workflow', workflows.map(row));
		return {
			consultations,
			workflows: workflows.map((w) => ({
				...w,
				reviewDue: reviewDue(w.state, w.nextReviewOn, today)
			}))
		};
	});
}
