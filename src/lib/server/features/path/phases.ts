import { and, eq, isNull } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { dueDate, firstClientPlanDue } from '../../../domain/clocks';
import { canMoveTo, type ChildPhase, type PlacementKind } from '../../../domain/path';
import { m } from '../../../paraglide/messages';
import { logChild } from '../../access-log';
import type { ChildContext } from '../../access';
import type { Db } from '../../db';
import { child, organisation, phaseChange, statutoryClock, team } from '../../db/schema';
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from '../../errors';
import { lockChild } from '../status';
import { claimIfCounted } from './caseload';
import { meetOpenClock } from './clocks';
import { endOpenPlacements, openPlacement } from './placement-rows';

export type PhaseInput = {
	/** The phase the form was shown with: a change made meanwhile is not overwritten. */
	fromPhase: ChildPhase;
	to: ChildPhase;
	on: string;
	reason: string;
	placementKind: PlacementKind | '';
	unitOrganisationId: string;
	placementPlace: string;
	caseloadReason?: string;
};

function validate(
	input: PhaseInput,
	current: { phase: ChildPhase; phaseSince: string },
	today: string
) {
	const fields: Record<string, string> = {};
	if (current.phase === 'contact' && input.to === 'needs_assessment')
		fields.to = m.error_phase_needs_decision();
	else if (!canMoveTo(current.phase, input.to)) fields.to = m.error_phase_not_allowed();
	if (input.on > today) fields.on = m.error_date_in_future();
	else if (input.on < current.phaseSince) fields.on = m.error_before_phase_start();
	if (input.to === 'closed' && !input.reason.trim()) fields.reason = m.error_required();
	if (input.to === 'placement') {
		if (!input.placementKind) fields.placementKind = m.error_required();
		if (!input.unitOrganisationId && !input.placementPlace.trim())
			fields.unitOrganisationId = m.error_placement_place();
	}
	if (Object.keys(fields).length) throw new FieldError(fields);
}

/**
 * Moves a child along its path (§10), by any team role, dated and logged, under the child's
 * lock. Finishing the needs assessment meets its 3-month clock; becoming a client starts
 * the first client plan's clock; a placement in a unit of the system records the placement,
 * which grants the unit access; leaving a placement ends it.
 */
export async function changePhase(db: Db, ctx: ChildContext, input: PhaseInput, now = new Date()) {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
	const today = helsinkiDate(now);
	return db.transaction(async (tx) => {
		await lockChild(tx, ctx.childId);
		const [c] = await tx.select().from(child).where(eq(child.id, ctx.childId));
		if (!c) throw new NotFoundError();
		if (c.phase !== input.fromPhase) throw new ConflictError({ fromPhase: c.phase });
		validate(input, c, today);
		// Becoming a client (or placed, or in aftercare) counts in the worker's caseload from
		// now on (13 b §, §10 revised): the 21st warns, the 31st needs the consultant's reason.
		const notice = await claimIfCounted(
			tx,
			ctx.actor,
			c,
			{ responsibleWorkerId: c.responsibleWorkerId, phase: input.to },
			c.id,
			input.caseloadReason,
			'caseloadReason'
		);
		const placementId =
			input.to === 'placement' && input.unitOrganisationId
				? await openPlacement(tx, ctx, input.unitOrganisationId, input.on)
				: null;
		// The placements still open end the day the child leaves; their grants with them.
		if (c.phase === 'placement') await endOpenPlacements(tx, c.id, input.on);
		const met = { on: input.on, by: ctx.actor.userId, now };
		if (c.phase === 'placement')
			await meetOpenClock(tx, { childId: c.id }, 'emergency_placement', met);
		if (input.to === 'placement' && input.placementKind === 'emergency_placement')
			await tx.insert(statutoryClock).values({
				childId: c.id,
				kind: 'emergency_placement',
				startedOn: input.on,
				dueOn: dueDate('emergency_placement', input.on)
			});
		if (c.phase === 'needs_assessment')
			await meetOpenClock(tx, { childId: c.id }, 'needs_assessment', met);
		if (input.to === 'client') {
			const [plan] = await tx
				.select({ id: statutoryClock.id })
				.from(statutoryClock)
				.where(
					and(
						eq(statutoryClock.childId, c.id),
						eq(statutoryClock.kind, 'client_plan_review'),
						isNull(statutoryClock.metOn)
					)
				);
			// The first plan is due the organisation's number of days after the client phase
			// starts (30 §: without delay); each plan then sets its own review.
			if (!plan) {
				const [org] = await tx
					.select({ days: organisation.firstClientPlanDays })
					.from(team)
					.innerJoin(organisation, eq(organisation.id, team.organisationId))
					.where(eq(team.id, c.teamId));
				await tx.insert(statutoryClock).values({
					childId: c.id,
					kind: 'client_plan_review',
					startedOn: input.on,
					dueOn: firstClientPlanDue(input.on, org?.days)
				});
			}
		}
		await tx.update(child).set({ phase: input.to, phaseSince: input.on }).where(eq(child.id, c.id));
		const [row] = await tx
			.insert(phaseChange)
			.values({
				childId: c.id,
				fromPhase: c.phase,
				toPhase: input.to,
				on: input.on,
				reason: input.reason.trim() || null,
				placementKind: input.to === 'placement' ? input.placementKind || null : null,
				placementId,
				placementPlace:
					input.to === 'placement' && !placementId ? input.placementPlace.trim() || null : null,
				changedBy: ctx.actor.userId,
				changedAt: now
			})
			.returning({ id: phaseChange.id });
		await logChild(tx, ctx, 'create', 'phase_change', row!.id);
		return { ...row!, notice };
	});
}
