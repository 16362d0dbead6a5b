import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { statutoryClock } from '../../db/schema';

type ClockKind = (typeof statutoryClock.$inferSelect)['kind'];

/**
 * A statutory clock is met (§10): the open one of its kind for a child, or for a contact
 * (a decision's clock runs per contact), is marked met on `on` by `by`. There is at most
 * one open clock of a kind there; none open is not an error (the path may have started
 * before the clock existed). Returns the clocks met, for the access log.
 */
export function meetOpenClock(
	tx: DbOrTx,
	of: { childId: string } | { contactId: string },
	kind: ClockKind,
	met: { on: string; by: string; now: Date }
): Promise<{ id: string }[]> {
	const owner =
		'contactId' in of
			? eq(statutoryClock.contactId, of.contactId)
			: eq(statutoryClock.childId, of.childId);
	return tx
		.update(statutoryClock)
		.set({ metOn: met.on, metBy: met.by, updatedAt: met.now })
		.where(and(owner, eq(statutoryClock.kind, kind), isNull(statutoryClock.metOn)))
		.returning({ id: statutoryClock.id });
}
