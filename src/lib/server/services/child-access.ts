import { eq } from 'drizzle-orm';
import { childAccess, helsinkiDate, type ChildAccess } from '../../domain/access';
import { can, type Permission } from '../../domain/permissions';
import { ForbiddenError } from '../authz';
import { recordAccess, recordAccessMany, type Actor } from '../audit';
import type { MembershipInfo } from '../auth/session';
import type { DbOrTx } from '../db';
import { accessGrant, child } from '../db/schema';

/** The signed-in person as services see them. */
export type Viewer = { userId: string; memberships: MembershipInfo[]; requestId: string | null };

/** Only this module can make the brand, so only `checkChildAccess` makes a context. */
declare const checked: unique symbol;

/**
 * Proof that access to one child was checked on this request. Services that touch child
 * data take it, so they cannot be called without the check; they log with its basis. The
 * brand makes it impossible to build one by hand (an object literal does not type-check).
 */
export type ChildContext = {
	readonly childId: string;
	readonly viewer: Viewer;
	readonly access: ChildAccess<MembershipInfo>;
	readonly actor: Actor;
	readonly [checked]: true;
};

export async function resolveChildAccess(
	db: DbOrTx,
	viewer: Viewer,
	childId: string,
	now: Date = new Date()
): Promise<ChildAccess<MembershipInfo> | null> {
	const [c] = await db.select({ teamId: child.teamId }).from(child).where(eq(child.id, childId));
	if (!c) return null;
	const grants = await db
		.select({
			organisationId: accessGrant.organisationId,
			basis: accessGrant.basis,
			validFrom: accessGrant.validFrom,
			validUntil: accessGrant.validUntil,
			revokedAt: accessGrant.revokedAt
		})
		.from(accessGrant)
		.where(eq(accessGrant.childId, childId));
	return childAccess(viewer.memberships, { teamId: c.teamId, grants }, helsinkiDate(now));
}

export function actorOf(
	viewer: Viewer,
	membership: { organisationId: string; role: MembershipInfo['role'] } | null
): Actor {
	return {
		userId: viewer.userId,
		organisationId: membership?.organisationId ?? null,
		role: membership?.role ?? null,
		requestId: viewer.requestId
	};
}

/**
 * Checks access; on refusal writes a `denied` row (committed on its own, so it survives)
 * and returns null. The same answer for "no such child" and "not yours": never a hint.
 */
export async function checkChildAccess(
	db: DbOrTx,
	viewer: Viewer,
	childId: string,
	what: { action: string; entityType?: string; entityId?: string; teamOnly?: boolean },
	now: Date = new Date()
): Promise<ChildContext | null> {
	const access = await resolveChildAccess(db, viewer, childId, now);
	if (!access || (what.teamOnly && access.kind !== 'team')) {
		const m = access?.membership ?? viewer.memberships[0] ?? null;
		await recordAccess(db, {
			actor: actorOf(viewer, m),
			action: what.action,
			entityType: what.entityType ?? 'child',
			entityId: what.entityId ?? childId,
			childId,
			outcome: 'denied'
		});
		return null;
	}
	const ctx = { childId, viewer, access, actor: actorOf(viewer, access.membership) };
	return Object.freeze(ctx) as ChildContext;
}

/** The access-log row for an allowed read or write, inside the caller's transaction. */
export function logChild(
	db: DbOrTx,
	ctx: ChildContext,
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

/**
 * The viewer's team role allows `permission` for this child. Otherwise a `denied` row
 * (committed on its own) and ForbiddenError: the child is the team's own, so 403 reveals
 * nothing a 404 would hide.
 */
export async function assertChildPermission(
	db: DbOrTx,
	ctx: ChildContext,
	permission: Permission,
	entityType: string,
	entityId: string = ctx.childId
): Promise<void> {
	if (ctx.access.kind === 'team' && can(ctx.access.membership.role, permission)) return;
	await recordAccess(db, {
		actor: ctx.actor,
		action: permission,
		entityType,
		entityId,
		childId: ctx.childId,
		basis: ctx.access.basis,
		outcome: 'denied'
	});
	throw new ForbiddenError();
}

/** Allowed rows for several entities of one child, in one insert (a list on its page). */
export function logChildMany(
	db: DbOrTx,
	ctx: ChildContext,
	action: string,
	entityType: string,
	entityIds: string[]
) {
	return recordAccessMany(
		db,
		entityIds.map((entityId) => ({
			actor: ctx.actor,
			action,
			entityType,
			entityId,
			childId: ctx.childId,
			basis: ctx.access.basis,
			outcome: 'allowed' as const
		}))
	);
}

/**
 * Allowed rows for a list across the viewer's teams, in one insert: each row is logged as
 * the viewer's membership in that child's team, on the `team` basis.
 */
export function logTeamList(
	db: DbOrTx,
	viewer: Viewer,
	memberships: MembershipInfo[],
	entityType: string,
	rows: { entityId: string; childId: string; teamId: string }[]
) {
	return recordAccessMany(
		db,
		rows.map((r) => ({
			actor: actorOf(viewer, memberships.find((x) => x.teamId === r.teamId) ?? memberships[0]!),
			action: 'list',
			entityType,
			entityId: r.entityId,
			childId: r.childId,
			basis: 'team' as const,
			outcome: 'allowed' as const
		}))
	);
}
