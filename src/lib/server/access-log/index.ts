import { AsyncLocalStorage } from 'node:async_hooks';
import { eq, or, sql } from 'drizzle-orm';
import { inTransaction, LOG_MONTHS_AHEAD, rowsOf, type DbOrTx, type Tx } from '../db';
import { accessLog } from '../db/schema';
import { isTeamRole, type Role } from '../../domain/roles';
import type { MembershipInfo } from '../auth/session';
import type { Actor, StaffContext } from '../context';

/**
 * The one access-log module (Act 703/2023 § 11: who processed a child's data). Every row
 * is written through it, inside the caller's transaction, so a read or write and its row
 * commit or roll back together. Denials are written the same way everywhere: `logDenied`.
 */

export type { Actor, StaffContext };

/**
 * The membership a person acts through where no one record decides it (a refusal, a list,
 * a report): the viewer's memberships are already those of the team they chose to act in
 * (§2, `actingMemberships`), so it is that team's role, else their first other one.
 */
export function actingMembership(
	viewer: Pick<StaffContext, 'memberships'>
): MembershipInfo | undefined {
	return viewer.memberships.find((ms) => isTeamRole(ms.role)) ?? viewer.memberships.at(0);
}

/** The one actor builder: the viewer acting through one of their memberships (or none). */
export function actorOf(
	viewer: Pick<StaffContext, 'userId' | 'requestId'>,
	membership: { organisationId: string; role: Role } | null | undefined
): Actor {
	return {
		userId: viewer.userId,
		organisationId: membership?.organisationId ?? null,
		role: membership?.role ?? null,
		requestId: viewer.requestId
	};
}

export type AccessEntry = {
	actor: Actor | null;
	action: string;
	entityType: string;
	entityId?: string | null;
	childId?: string | null;
	/** A list view: the children shown, and their entities in the same order (ADR 026). */
	childIds?: string[] | null;
	entityIds?: string[] | null;
	basis?: string | null;
	outcome: 'allowed' | 'denied';
	requestId?: string | null;
};

/** The primitive: one row. Prefer the helpers below, which say what kind of row it is. */
export async function recordAccess(db: DbOrTx, entry: AccessEntry): Promise<void> {
	await recordAccessMany(db, [entry]);
}

/**
 * PostgreSQL binds at most 65,535 parameters per statement and a row binds about a dozen:
 * a longer list goes in several inserts (pages write far fewer rows than this).
 */
const ROWS_PER_INSERT = 5_000;

/** The rows a page gathers to write in one insert (see `gatheringLog`). */
const gathered = new AsyncLocalStorage<{ db: DbOrTx; entries: AccessEntry[]; open: boolean }>();

/** Several rows in one insert, e.g. one per child shown in a list. */
export async function recordAccessMany(db: DbOrTx, entries: AccessEntry[]): Promise<void> {
	const page = gathered.getStore();
	// Only rows of the gathering page's own transaction wait for its one insert.
	// (A row arriving after the page wrote its insert is written on its own, never lost.)
	if (page?.open && page.db === db) {
		page.entries.push(...entries);
		return;
	}
	await insertRows(db, entries);
}

/**
 * Runs a page's reads in `tx` and writes all their log rows in one insert at the end,
 * in the same transaction (before it commits; if a read fails, nothing is written and the
 * transaction rolls back anyway).
 */
export async function gatheringLog<T>(tx: DbOrTx, fn: () => Promise<T>): Promise<T> {
	const entries: AccessEntry[] = [];
	const page = { db: tx, entries, open: true };
	const result = await gathered.run(page, fn);
	page.open = false;
	await insertRows(tx, page.entries);
	return result;
}

async function insertRows(db: DbOrTx, entries: AccessEntry[]): Promise<void> {
	for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
		await db.insert(accessLog).values(entries.slice(i, i + ROWS_PER_INSERT).map(toRow));
	}
}

/**
 * A report read (§8): one row of kind `aggregate`, naming the report and the teams it
 * covered, never a child (the figures name none).
 */
export function logAggregate(
	db: DbOrTx,
	actor: Actor,
	what: { entityId: string; teamIds: string[] }
): Promise<void> {
	return recordAccess(db, {
		actor,
		action: 'aggregate',
		entityType: 'report',
		entityId: what.entityId,
		entityIds: what.teamIds,
		basis: 'aggregate',
		outcome: 'allowed',
		requestId: actor.requestId
	});
}

/** A refused read or write: who tried, what, and (when known) which child. */
export function logDenied(
	db: DbOrTx,
	actor: Actor | null,
	what: {
		action: string;
		entityType: string;
		entityId?: string | null;
		childId?: string | null;
		basis?: string | null;
		requestId?: string | null;
	}
): Promise<void> {
	return recordAccess(db, { actor, ...what, outcome: 'denied' });
}

/** What a child-scoped row needs of a checked child context (see access/child-access). */
export type ChildScope = {
	readonly childId: string;
	readonly actor: Actor;
	readonly access: { readonly basis: string };
};

/** The allowed row for one read or write of a child's data. */
export function logChild(
	db: DbOrTx,
	ctx: ChildScope,
	action: string,
	entityType: string,
	entityId: string = ctx.childId
) {
	return recordAccess(db, {
		actor: ctx.actor,
		action,
		entityType,
		entityId,
		childId: ctx.childId,
		basis: ctx.access.basis,
		outcome: 'allowed'
	});
}

/** Several entities of one child read at once (a list on its page): one row. */
export function logChildMany(
	db: DbOrTx,
	ctx: ChildScope,
	action: string,
	entityType: string,
	entityIds: string[]
) {
	if (!entityIds.length) return Promise.resolve();
	return recordAccess(db, {
		actor: ctx.actor,
		action,
		entityType,
		entityIds,
		childId: ctx.childId,
		basis: ctx.access.basis,
		outcome: 'allowed'
	});
}

/** A child's rows read for a page, logged as one row (`logChildMany`), then given back. */
export async function loggedRows<T extends { id: string }>(
	db: DbOrTx,
	ctx: ChildScope,
	action: string,
	entityType: string,
	rows: T[]
): Promise<T[]> {
	await logChildMany(
		db,
		ctx,
		action,
		entityType,
		rows.map((r) => r.id)
	);
	return rows;
}

/**
 * A read of one child's rows and its log, in one transaction: `read` runs, and each row it
 * returned is logged (`action` on `entityType`, by id) before the rows are given back. A read
 * never goes without its log, nor the log without the read.
 */
export function readLogged<T extends { id: string }>(
	db: DbOrTx,
	ctx: ChildScope,
	action: string,
	entityType: string,
	read: (tx: Tx) => Promise<T[]>
): Promise<T[]> {
	return inTransaction(db, async (tx) => loggedRows(tx, ctx, action, entityType, await read(tx)));
}

/** One shown item of a list: which entity of which child, seen as whom, on what basis. */
export type ListedItem = {
	actor: Actor;
	basis: string | null;
	entityType: string;
	entityId: string;
	childId: string;
};

/**
 * A list view, in one insert: one row per actor and basis with the children shown, not one
 * row per child (ADR 026). Nothing shown, nothing written.
 */
export function logListed(db: DbOrTx, items: ListedItem[], action = 'list') {
	const groups = new Map<string, ListedItem[]>();
	for (const item of items) {
		const { actor, basis, entityType } = item;
		const key = JSON.stringify([actor.userId, actor.organisationId, actor.role, basis, entityType]);
		const group = groups.get(key) ?? [];
		group.push(item);
		groups.set(key, group);
	}
	return recordAccessMany(
		db,
		[...groups.values()].map((group) => ({
			actor: group[0]!.actor,
			action,
			entityType: group[0]!.entityType,
			childIds: group.map((i) => i.childId),
			// A list of the children themselves names them once (ADR 026).
			entityIds: group.every((i) => i.entityId === i.childId) ? null : group.map((i) => i.entityId),
			basis: group[0]!.basis,
			outcome: 'allowed' as const
		}))
	);
}

/**
 * A list across the viewer's teams: each child is seen as the viewer's membership in that
 * child's team, on the `team` basis; one row per team.
 */
export function logTeamList(
	db: DbOrTx,
	viewer: StaffContext,
	memberships: MembershipInfo[],
	entityType: string,
	rows: { entityId: string; childId: string; teamId: string }[],
	action = 'list'
) {
	return logListed(
		db,
		rows.map((r) => ({
			actor: actorOf(
				viewer,
				memberships.find((x) => x.teamId === r.teamId) ?? actingMembership(viewer)
			),
			basis: 'team',
			entityType,
			childId: r.childId,
			entityId: r.entityId
		})),
		action
	);
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
		childIds: entry.childIds ?? null,
		entityIds: entry.entityIds ?? null,
		basis: entry.basis ?? null,
		outcome: entry.outcome,
		requestId: entry.requestId ?? entry.actor?.requestId ?? null
	};
}

/**
 * Makes the access log's monthly partitions for this month and the next two (ADR 026).
 * Each instance calls it at start and hourly; it is a no-op when they exist.
 */
export async function addLogPartitions(db: DbOrTx, now = new Date()): Promise<void> {
	await db.execute(
		sql`select access_log_add_months(${now.toISOString().slice(0, 10)}::date, ${LOG_MONTHS_AHEAD})`
	);
}

/**
 * Drops the access log's months that ended before `keepFrom` (a month start, ADR 046): whole
 * partitions, by the database's own function, which never drops the last 24 months whatever
 * `keepFrom` says. How many months went.
 */
export async function dropLogMonthsBefore(db: DbOrTx, keepFrom: Date): Promise<number> {
	const [row] = rowsOf<{ dropped: number }>(
		await db.execute(
			sql`select access_log_drop_months(${keepFrom.toISOString().slice(0, 10)}::date) as dropped`
		)
	);
	return Number(row?.dropped ?? 0);
}

/**
 * The log's rows about a child: those naming it, and the list views that showed it among
 * others (ADR 026). For the child's own log (the team's export, the family's read log).
 */
export function aboutChild(childId: string) {
	return or(eq(accessLog.childId, childId), sql`${accessLog.childIds} @> array[${childId}::uuid]`);
}
