import { eq } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { OVERRIDE_MAX_DAYS, type Colour } from '../../../domain/traffic-light';
import { addDays } from '../../../domain/working-days';
import { m } from '../../../paraglide/messages';
import type { Db } from '../../db';
import { childStatus, childStatusHistory } from '../../db/schema';
import { ConflictError, FieldError, NotFoundError } from '../../errors';
import { lockChild } from './status';
import { assertChildPermission, type ChildContext } from '../../access';
import { logChild } from '../../access-log';

export type OverrideInput = {
	colour: Colour;
	reason: string;
	reviewOn: string;
	/** `overrideAt` of the override the form was based on ('' for none): optimistic lock. */
	basedOn: string;
};

/** What the form shows: the computed colour and the current override, if any. */
export async function overrideFormState(db: Db, ctx: ChildContext) {
	await assertChildPermission(db, ctx, 'overrideStatus', 'child_status');
	return db.transaction(async (tx) => {
		const [s] = await tx.select().from(childStatus).where(eq(childStatus.childId, ctx.childId));
		if (!s) throw new NotFoundError();
		await logChild(tx, ctx, 'read', 'child_status');
		return {
			computed: s.colour,
			override: s.overrideColour
				? {
						colour: s.overrideColour,
						reason: s.overrideReason ?? '',
						reviewOn: s.overrideReviewOn ?? ''
					}
				: null,
			basedOn: s.overrideAt?.toISOString() ?? ''
		};
	});
}

/**
 * Sets (input) or clears (null) the team override, beside the computed status, never in its
 * place. Both the change and who made it are kept in the status history and the access log.
 * A form based on an older override is refused, so nobody's decision is silently replaced.
 */
export async function setOverride(
	db: Db,
	ctx: ChildContext,
	input: OverrideInput | (Pick<OverrideInput, 'basedOn'> & { clear: true }),
	now = new Date()
) {
	await assertChildPermission(db, ctx, 'overrideStatus', 'child_status');
	const clear = 'clear' in input;
	if (!clear) {
		const today = helsinkiDate(now);
		if (input.reviewOn <= today) throw new FieldError({ reviewOn: m.override_review_future() });
		if (input.reviewOn > addDays(today, OVERRIDE_MAX_DAYS))
			throw new FieldError({ reviewOn: m.override_review_max({ days: OVERRIDE_MAX_DAYS }) });
	}
	return db.transaction(async (tx) => {
		// The same lock as every recompute, so an override and a submission never interleave.
		await lockChild(tx, ctx.childId);
		const [s] = await tx
			.select()
			.from(childStatus)
			.where(eq(childStatus.childId, ctx.childId))
			.for('update');
		if (!s) throw new NotFoundError();
		// Clearing what is not there, or a form based on another override: nothing changes.
		if ((s.overrideAt?.toISOString() ?? '') !== input.basedOn || (clear && !s.overrideColour)) {
			throw new ConflictError({
				colour: s.overrideColour ?? '',
				reason: s.overrideReason ?? '',
				reviewOn: s.overrideReviewOn ?? '',
				basedOn: s.overrideAt?.toISOString() ?? ''
			});
		}
		const before = s.overrideColour ?? s.colour;
		const values = clear
			? {
					overrideColour: null,
					overrideReason: null,
					overrideReviewOn: null,
					overrideBy: null,
					overrideAt: null
				}
			: {
					overrideColour: input.colour,
					overrideReason: input.reason,
					overrideReviewOn: input.reviewOn,
					overrideBy: ctx.userId,
					overrideAt: now
				};
		await tx.update(childStatus).set(values).where(eq(childStatus.childId, ctx.childId));
		await tx.insert(childStatusHistory).values({
			childId: ctx.childId,
			fromColour: before,
			toColour: clear ? s.colour : input.colour,
			// The computed reasons stay as they were; the override's own reason is in its row.
			reasons: clear ? s.reasons : [{ rule: 'team_override', reason: input.reason }],
			trigger: clear ? 'override_cleared' : 'override',
			at: now
		});
		await logChild(tx, ctx, clear ? 'override_clear' : 'override', 'child_status');
	});
}
