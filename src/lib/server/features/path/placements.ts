import { and, eq, isNull, sql } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { EMERGENCY_PLACEMENT_DAYS, extensionProblem } from '../../../domain/clocks';
import type { PlacementKind } from '../../../domain/path';
import { m } from '../../../paraglide/messages';
import { logChild } from '../../access-log';
import type { ChildContext } from '../../access';
import { rowsOf, type Db, type DbOrTx } from '../../db';
import { lockForEdit, nextVersion } from '../../db/lock';
import { child, phaseChange, statutoryClock } from '../../db/schema';
import { FieldError, ForbiddenError, NotFoundError } from '../../errors';
import { lockChild } from '../status';
import { meetOpenClock } from './clocks';
import { endOpenPlacements, openPlacement } from './placement-rows';

/*
 * Substitute care within the placement phase (docs/domain.md §10): an emergency placement
 * (38 §) is extended once by a decision, or continues while a care-order application is
 * pending (43 §); a child moves to a care order (40 §) or to another place without leaving
 * the placement phase. Team roles only, under the child's lock, logged.
 */

const EXTENSION_TEXT = {
	already_extended: () => m.error_extension_once(),
	after_end: () => m.error_extension_after_end(),
	too_long: () => m.error_extension_too_long(),
	not_later: () => m.error_extension_not_later()
} as const;

function assertTeam(ctx: ChildContext) {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
}

/** Extends the open emergency placement to `until`, by the decision made on `decidedOn`. */
export async function extendEmergencyPlacement(
	db: Db,
	ctx: ChildContext,
	input: { clockId: string; version: number; decidedOn: string; until: string },
	now = new Date()
) {
	assertTeam(ctx);
	if (input.decidedOn > helsinkiDate(now))
		throw new FieldError({ decidedOn: m.error_date_in_future() });
	await db.transaction(async (tx) => {
		await lockChild(tx, ctx.childId);
		const clock = await lockOpenEmergencyClock(tx, ctx.childId, input);
		const problem = extensionProblem(clock, input.decidedOn, input.until);
		if (problem)
			throw new FieldError(
				problem === 'too_long' || problem === 'not_later'
					? { until: EXTENSION_TEXT[problem]() }
					: { decidedOn: EXTENSION_TEXT[problem]() }
			);
		if (input.decidedOn < clock.startedOn)
			throw new FieldError({ decidedOn: m.error_before_phase_start() });
		await tx
			.update(statutoryClock)
			.set({
				dueOn: input.until,
				extendedOn: input.decidedOn,
				extendedBy: ctx.actor.userId,
				updatedAt: now,
				version: nextVersion(statutoryClock)
			})
			.where(eq(statutoryClock.id, clock.id));
		await logChild(tx, ctx, 'extend', 'statutory_clock', clock.id);
	});
}

/**
 * A care-order application (43 §) was made on `on`: the emergency placement continues
 * until it is decided, so its clock is met that day (late if after its end).
 */
export async function recordCareOrderApplication(
	db: Db,
	ctx: ChildContext,
	input: { clockId: string; version: number; on: string },
	now = new Date()
) {
	assertTeam(ctx);
	if (input.on > helsinkiDate(now)) throw new FieldError({ on: m.error_date_in_future() });
	await db.transaction(async (tx) => {
		await lockChild(tx, ctx.childId);
		const clock = await lockOpenEmergencyClock(tx, ctx.childId, input);
		if (input.on < clock.startedOn) throw new FieldError({ on: m.error_before_phase_start() });
		await tx
			.update(statutoryClock)
			.set({
				metOn: input.on,
				metBy: ctx.actor.userId,
				updatedAt: now,
				version: nextVersion(statutoryClock)
			})
			.where(eq(statutoryClock.id, clock.id));
		await logChild(tx, ctx, 'care_order_application', 'statutory_clock', clock.id);
	});
}

/** The child's running emergency-placement clock, locked at the version the form showed. */
function lockOpenEmergencyClock(
	tx: DbOrTx,
	childId: string,
	seen: { clockId: string; version: number }
) {
	return lockForEdit(
		tx,
		statutoryClock,
		and(
			eq(statutoryClock.id, seen.clockId),
			eq(statutoryClock.childId, childId),
			eq(statutoryClock.kind, 'emergency_placement'),
			isNull(statutoryClock.metOn)
		),
		seen.version
	);
}

export type PlacementChangeInput = {
	kind: PlacementKind;
	on: string;
	unitOrganisationId: string;
	placementPlace: string;
	reason: string;
};

/**
 * A change within the placement phase: to a care order (40 §), to another kind, or to
 * another place. The open placements end that day (their grants with them), a unit of the
 * system gets the new placement and its grant, and the change is a dated phase-change row
 * (placement → placement) with the new kind. Leaving emergency placement meets its clock;
 * a new emergency placement elsewhere keeps it running.
 */
export async function changePlacement(
	db: Db,
	ctx: ChildContext,
	input: PlacementChangeInput,
	now = new Date()
) {
	assertTeam(ctx);
	const today = helsinkiDate(now);
	const fields: Record<string, string> = {};
	if (input.on > today) fields.on = m.error_date_in_future();
	if (!input.unitOrganisationId && !input.placementPlace.trim())
		fields.unitOrganisationId = m.error_placement_place();
	if (Object.keys(fields).length) throw new FieldError(fields);
	return db.transaction(async (tx) => {
		await lockChild(tx, ctx.childId);
		const [c] = await tx.select().from(child).where(eq(child.id, ctx.childId));
		if (!c) throw new NotFoundError();
		if (c.phase !== 'placement') throw new FieldError({ kind: m.error_not_placed() });
		if (input.on < c.phaseSince) throw new FieldError({ on: m.error_before_phase_start() });
		await endOpenPlacements(tx, c.id, input.on);
		const placementId = input.unitOrganisationId
			? await openPlacement(tx, ctx, input.unitOrganisationId, input.on)
			: null;
		if (input.kind !== 'emergency_placement')
			await meetOpenClock(tx, { childId: c.id }, 'emergency_placement', {
				on: input.on,
				by: ctx.actor.userId,
				now
			});
		const [row] = await tx
			.insert(phaseChange)
			.values({
				childId: c.id,
				fromPhase: 'placement',
				toPhase: 'placement',
				on: input.on,
				reason: input.reason.trim() || null,
				placementKind: input.kind,
				placementId,
				placementPlace: placementId ? null : input.placementPlace.trim() || null,
				changedBy: ctx.actor.userId,
				changedAt: now
			})
			.returning({ id: phaseChange.id });
		await logChild(tx, ctx, 'create', 'phase_change', row!.id);
		return row!;
	});
}

/**
 * Emergency placements made before the clock existed (migration 0019) get theirs: the
 * latest move into placement, if it was an emergency placement and the child is still
 * placed. Idempotent; run at start-up, because a new enum value cannot be used in the
 * migration's own transaction.
 */
export async function addMissingEmergencyClocks(db: DbOrTx): Promise<number> {
	const rows = rowsOf<{ id: string }>(
		await db.execute(sql`
			insert into statutory_clock (child_id, kind, started_on, due_on)
			select c.id, 'emergency_placement', pc.on, pc.on + ${EMERGENCY_PLACEMENT_DAYS}::int
			from child c
			join lateral (
				select p.on, p.placement_kind from phase_change p
				where p.child_id = c.id and p.to_phase = 'placement'
				order by p.on desc, p.changed_at desc limit 1
			) pc on true
			where c.phase = 'placement' and pc.placement_kind = 'emergency_placement'
				and not exists (select 1 from statutory_clock k
					where k.child_id = c.id and k.kind = 'emergency_placement')
			returning id`)
	);
	return rows.length;
}
