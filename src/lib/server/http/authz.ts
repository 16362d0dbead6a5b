import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '../../domain/roles';
import { m } from '../../paraglide/messages';
import { actingMembership, actorOf, logDenied as logDeniedRow } from '../access-log';
import { recentlyConfirmed } from '../auth/factor';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { checkChildAccess, type ChildContext } from '../access';
import { uuidParam } from './params';
import type { RoleContext, StaffContext } from '../context';

/**
 * The one place that says who may do what. Every load, action and endpoint calls one of
 * these; hooks.server.ts only authenticates. Layout guards are a courtesy, not security.
 */

type Event = Pick<RequestEvent, 'locals' | 'url'> & {
	route: { id: string | null };
	request?: Request;
};

/**
 * The database handle for routes that act for nobody in particular (signing out, the
 * public pages); the others take `ctx.db` from their guard. They pass it to a feature's
 * functions and cannot query with it themselves (the lint rule keeps the schema and
 * drizzle out of src/routes).
 */
export function database(locals: Pick<App.Locals, 'context'>): Db {
	return locals.context.db;
}

export type { Db };

/**
 * Sensitive actions (ASVS 3.7.1): the session's last confirmation with a code must be at
 * most 10 minutes old, or the person is sent to confirm and then back to the page.
 */
export function requireRecentAuth(event: Event): void {
	requireUser(event);
	const session = event.locals.session;
	if (session && recentlyConfirmed(session.reauthAt)) return;
	redirect(303, `/reauth?next=${encodeURIComponent(event.url.pathname)}`);
}

/** Signed in, or sent to the login page (which brings them back afterwards). */
export function requireUser(event: Event): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return user;
}

/** A refused request, logged as the signed-in person (or anonymously) before the 403/404. */
export async function logDenied(event: Event, what: { entityType: string; entityId?: string }) {
	const ctx = event.locals.context;
	const actor = ctx.kind === 'staff' ? actorOf(ctx, actingMembership(ctx)) : null;
	await logDeniedRow(ctx.db, actor, {
		action: 'access',
		entityType: what.entityType,
		entityId: what.entityId ?? event.route.id ?? null,
		requestId: event.locals.requestId
	});
}

/**
 * The user holds one of `roles` in some organisation; the context acts through that
 * membership, which becomes the actor's organisation and role in the access log.
 * Otherwise 403, logged.
 */
export async function requireRole(
	event: Event,
	...roles: Role[]
): Promise<RoleContext & { user: SessionUser }> {
	const user = requireUser(event);
	const staff = staffOf(event);
	const membership = staff.memberships.find((ms) => roles.includes(ms.role));
	if (!membership) {
		await logDenied(event, { entityType: 'route' });
		error(403, m.error_forbidden());
	}
	return { ...staff, user, membership, actor: actorOf(staff, membership) };
}

/** Admins manage organisations, teams and users. They reach no child data (docs/domain.md §2). */
export function requireAdmin(event: Event) {
	return requireRole(event, 'admin');
}

/** The signed-in staff member's context, as the hook built it (or the login page). */
export function staffOf(event: Event): StaffContext {
	requireUser(event);
	const ctx = event.locals.context;
	// The hook builds a staff context for every signed-in user; this cannot happen.
	if (ctx.kind !== 'staff') throw new Error('A signed-in request without a staff context');
	return ctx;
}

/**
 * Access to one child, checked on every request (grants may have been revoked or have
 * expired since the last one). No access: a `denied` log row and 404, never 403, so the
 * answer does not reveal whether the child exists. `teamOnly` limits to the child's team.
 */
export async function requireChildAccess(
	event: Event,
	childId: string,
	what: { action?: string; entityType?: string; entityId?: string; teamOnly?: boolean } = {}
): Promise<ChildContext> {
	const staff = staffOf(event);
	const ctx = await checkChildAccess(staff.db, staff, childId, {
		action: what.action ?? (event.request?.method === 'POST' ? 'write' : 'read'),
		entityType: what.entityType,
		entityId: what.entityId,
		teamOnly: what.teamOnly
	});
	if (!ctx) error(404, m.error_not_found());
	return ctx;
}

/**
 * The access check of a page under /children/[childId], said once per page: the kind of
 * record it shows (`entityType`, for the log), whether only the child's team may use it, and
 * which URL parameter, if any, names the record. Each load or action passes its `action`.
 */
export function childPageAccess(
	page: { entityType?: string; teamOnly?: boolean; entityParam?: string } = {}
) {
	return (event: Event & { params: Partial<Record<string, string>> }, action?: string) =>
		requireChildAccess(event, uuidParam(event.params.childId), {
			teamOnly: page.teamOnly,
			action,
			entityType: page.entityType,
			entityId: page.entityParam && uuidParam(event.params[page.entityParam])
		});
}
