import { and, eq, inArray, isNull } from 'drizzle-orm';
import { m } from '../../../paraglide/messages';
import { logChild } from '../../access-log';
import type { ChildContext } from '../../access';
import type { DbOrTx } from '../../db';
import { accessGrant, organisation, placement } from '../../db/schema';
import { FieldError } from '../../errors';

/*
 * The row-level steps a phase change into placement and a change within placement share,
 * inside the caller's transaction and under the child's lock: one way to start and end a
 * placement, so its grant always starts and ends with it (docs/domain.md §3, §10).
 */

/**
 * Places the child in a residential unit of the system from `on`: the placement and the
 * unit's `placement` grant, logged. A unit that is not a residential unit is a field error.
 */
export async function openPlacement(
	tx: DbOrTx,
	ctx: ChildContext,
	unitOrganisationId: string,
	on: string
) {
	const [unit] = await tx
		.select({ id: organisation.id, kind: organisation.kind })
		.from(organisation)
		.where(eq(organisation.id, unitOrganisationId));
	if (unit?.kind !== 'residential_unit')
		throw new FieldError({ unitOrganisationId: m.error_choose_unit() });
	const [p] = await tx
		.insert(placement)
		.values({
			childId: ctx.childId,
			unitOrganisationId: unit.id,
			since: on,
			createdBy: ctx.actor.userId
		})
		.returning({ id: placement.id });
	const placementId = p!.id;
	await tx.insert(accessGrant).values({
		childId: ctx.childId,
		organisationId: unit.id,
		basis: 'placement',
		validFrom: on,
		placementId,
		grantedBy: ctx.actor.userId
	});
	await logChild(tx, ctx, 'create', 'placement', placementId);
	return placementId;
}

/** Ends the child's open placements on `on`, and their grants with them. */
export async function endOpenPlacements(tx: DbOrTx, childId: string, on: string) {
	const open = await tx
		.select({ id: placement.id })
		.from(placement)
		.where(and(eq(placement.childId, childId), isNull(placement.until)));
	const ids = open.map((p) => p.id);
	if (!ids.length) return;
	await tx.update(placement).set({ until: on }).where(inArray(placement.id, ids));
	await tx.update(accessGrant).set({ validUntil: on }).where(inArray(accessGrant.placementId, ids));
}
