import type { DbOrTx } from './db';
import { accessLog } from './db/schema';
import type { Role } from '../domain/roles';

/** Who acts: the user, and the membership (organisation and role) the act rests on. */
export type Actor = {
	userId: string;
	organisationId: string | null;
	role: Role | null;
	requestId: string | null;
};

export type AccessEntry = {
	actor: Actor | null;
	action: string;
	entityType: string;
	entityId?: string | null;
	childId?: string | null;
	basis?: string | null;
	outcome: 'allowed' | 'denied';
	requestId?: string | null;
};

/**
 * The one way to write the access log. Pass the caller's transaction so the log row
 * commits or rolls back together with the read or write it describes.
 */
export async function recordAccess(db: DbOrTx, entry: AccessEntry): Promise<void> {
	await recordAccessMany(db, [entry]);
}

/** Several rows in one insert, e.g. one per child shown in a list. */
export async function recordAccessMany(db: DbOrTx, entries: AccessEntry[]): Promise<void> {
	if (!entries.length) return;
	await db.insert(accessLog).values(entries.map(toRow));
}

function toRow(entry: AccessEntry) {
	return {
		actorUserId: entry.actor?.userId ?? null,
		actorOrganisationId: entry.actor?.organisationId ?? null,
		actorRole: entry.actor?.role ?? null,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId ?? null,
		childId: entry.childId ?? null,
		basis: entry.basis ?? null,
		outcome: entry.outcome,
		requestId: entry.requestId ?? entry.actor?.requestId ?? null
	};
}
