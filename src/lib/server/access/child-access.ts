import { eq, sql } from 'drizzle-orm';
import {
	childAccess,
	helsinkiDate,
	inviteAccess,
	type ChildAccess,
	type GrantFact
} from '../../domain/access';
import { can, type Permission } from '../../domain/permissions';
import { isTeamRole, type Role } from '../../domain/roles';
import { actingMembership, actorOf, logDenied, type Actor, type StaffContext } from '../access-log';
import type { MembershipInfo } from '../auth/session';
import type { DbOrTx } from '../db';
import type { ActingContext, TeamContext } from '../context';
import { accessGrant, child, consultation } from '../db/schema';
import { ForbiddenError } from '../errors';

export type { Actor, StaffContext, TeamContext };

/** Only this module can make the brand, so only `checkChildAccess` makes a context. */
declare const checked: unique symbol;

/**
 * Proof that access to one child was checked on this request. Services that touch child
 * data take it, so they cannot be called without the check; they log with its basis. The
 * brand makes it impossible to build one by hand (an object literal does not type-check).
 */
export type ChildContext = ActingContext & {
	readonly childId: string;
	readonly access: ChildAccess<MembershipInfo>;
	readonly [checked]: true;
};

/** The viewer's approved team memberships; team roles only. */
export function teamMemberships(viewer: StaffContext) {
	return viewer.memberships.filter((ms) => isTeamRole(ms.role) && ms.teamId);
}

/** The viewer as a member of the team they act in; 403 for anyone in no team. */
export function teamContextOf(viewer: StaffContext): TeamContext {
	const ms = teamMemberships(viewer)[0];
	if (!ms?.teamId) throw new ForbiddenError();
	return { ...viewer, actor: actorOf(viewer, ms), teamId: ms.teamId };
}

/** A second line for role-only services (admin): the actor's role is one of `roles`. */
export function assertActorRole(actor: Actor, ...roles: Role[]): void {
	if (!actor.role || !roles.includes(actor.role)) throw new ForbiddenError();
}

/** A grant as JSON gives it: the revocation's time as text. */
type GrantRow = Omit<GrantFact, 'revokedAt'> & { revokedAt: string | null };

export async function resolveChildAccess(
	db: DbOrTx,
	viewer: StaffContext,
	childId: string,
	now: Date = viewer.now
): Promise<ChildAccess<MembershipInfo> | null> {
	// The child's team and its grants in one round trip: every child-scoped request asks.
	const [c] = await db
		.select({
			teamId: child.teamId,
			grants: sql<GrantRow[]>`coalesce((select json_agg(json_build_object(
				'organisationId', g.organisation_id, 'basis', g.basis, 'validFrom', g.valid_from,
				'validUntil', g.valid_until, 'revokedAt', g.revoked_at))
				from ${accessGrant} g where g.child_id = ${childId}), '[]'::json)`
		})
		.from(child)
		.where(eq(child.id, childId));
	if (!c) return null;
	const grants = c.grants.map((g) => ({
		...g,
		revokedAt: g.revokedAt === null ? null : new Date(g.revokedAt)
	}));
	return childAccess(viewer.memberships, { teamId: c.teamId, grants }, helsinkiDate(now));
}

/**
 * Checks access; on refusal writes a `denied` row (committed on its own, so it survives)
 * and returns null. The same answer for "no such child" and "not yours": never a hint.
 */
export async function checkChildAccess(
	db: DbOrTx,
	viewer: StaffContext,
	childId: string,
	what: { action: string; entityType?: string; entityId?: string; teamOnly?: boolean },
	now: Date = viewer.now
): Promise<ChildContext | null> {
	const access = await resolveChildAccess(db, viewer, childId, now);
	if (!access || (what.teamOnly && access.kind !== 'team')) {
		await logDenied(db, actorOf(viewer, access?.membership ?? actingMembership(viewer)), {
			action: what.action,
			entityType: what.entityType ?? 'child',
			entityId: what.entityId ?? childId,
			childId
		});
		return null;
	}
	const ctx = { ...viewer, childId, access, actor: actorOf(viewer, access.membership) };
	return Object.freeze(ctx) as ChildContext;
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
	await logDenied(db, ctx.actor, {
		action: permission,
		entityType,
		entityId,
		childId: ctx.childId,
		basis: ctx.access.basis
	});
	throw new ForbiddenError();
}

/**
 * A context for one consultation only, for a viewer with no access to the child but an
 * invitation to it (ADR 023). Null when the viewer may see the child anyway (the usual
 * check then applies) or holds no open invitation. Writes nothing: the caller's usual
 * check logs the denial.
 */
export async function checkConsultationInvite(
	db: DbOrTx,
	viewer: StaffContext,
	consultationId: string,
	now: Date = viewer.now
): Promise<ChildContext | null> {
	const [c] = await db
		.select({
			childId: consultation.childId,
			state: consultation.state,
			organisationIds: consultation.participantOrganisationIds,
			userIds: consultation.participantUserIds
		})
		.from(consultation)
		.where(eq(consultation.id, consultationId));
	if (!c || (await resolveChildAccess(db, viewer, c.childId, now))) return null;
	const access = inviteAccess(viewer.userId, viewer.memberships, c);
	if (!access) return null;
	const ctx = {
		...viewer,
		childId: c.childId,
		access,
		actor: actorOf(viewer, access.membership)
	};
	return Object.freeze(ctx) as ChildContext;
}
