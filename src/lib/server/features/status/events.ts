import type { StatusFacts } from '../../../domain/flags';
import type { DbOrTx } from '../../db';
import type { childStatus } from '../../db/schema';

/** A child's status was recomputed: what it was and is now, inside the recompute's transaction. */
export type StatusChange = {
	tx: DbOrTx;
	childId: string;
	before: StatusFacts | null;
	after: StatusFacts;
	now: Date;
};

type Listener = (change: StatusChange) => Promise<void>;

/** A list of listeners and the call that tells them; the app has one (below). */
export function statusEvents() {
	const listeners: Listener[] = [];
	return {
		/**
		 * Another feature acts on every recompute, in the same transaction, so what it writes
		 * commits or rolls back with the status (the flags feature raises its flags and
		 * notifies; ADR 038). The status feature knows no listener by name.
		 */
		on(listener: Listener): void {
			if (!listeners.includes(listener)) listeners.push(listener);
		},
		/** Tells every listener, one after another, in the recompute's transaction. */
		async changed(change: StatusChange): Promise<void> {
			// A recompute nobody hears would raise no flags, silently: refuse it instead.
			if (!listeners.length)
				throw new Error('No feature listens to status changes: load features/listeners.ts first.');
			for (const listener of listeners) await listener(change);
		}
	};
}

const app = statusEvents();
export const onStatusChange = (listener: Listener) => app.on(listener);
export const statusChanged = (change: StatusChange) => app.changed(change);

/** Substance rating and signals as a listener compares them, from a stored status row. */
export function storedFacts(s: typeof childStatus.$inferSelect | undefined): StatusFacts | null {
	if (!s) return null;
	return {
		colour: s.colour,
		signals: s.signals,
		domainColours: s.domainColours,
		substance: s.substanceRating
	};
}
