import type { Role } from '../domain/roles';
import type { FamilyPrincipal, FamilySessionInfo } from './auth/family-session';
import type { MembershipInfo, SessionUser } from './auth/session';
import type { Db } from './db';

/**
 * Who acts, in one shape (ADR 035). The hook builds a `RequestContext` for every request:
 * the database handle, the request id, the clock and the principal. The guards in
 * `http/authz.ts` narrow it: a signed-in staff member (`StaffContext`), one acting through
 * a membership (`ActingContext`), and the child, team and report contexts built on that.
 * Services take the narrowed context, so a service cannot be called for nobody, and the
 * access log's actor is always the one `actorOf` built.
 *
 * Features still take the database handle as their first argument: inside a transaction
 * they pass the transaction, and `ctx.db` is only the request's handle outside one.
 */
type Base = {
	readonly db: Db;
	/** The request's id, in every log line and access-log row about it (null in jobs and specs). */
	readonly requestId: string | null;
	/** The request's clock: one instant for everything the request decides. */
	readonly now: Date;
};

/** Nobody signed in (the public pages; the gate sends them to the login page elsewhere). */
export type AnonymousContext = Base & { readonly kind: 'anonymous' };

/** A signed-in staff member, with the memberships of the team they chose to act in (§2). */
export type StaffContext = Base & {
	readonly kind: 'staff';
	readonly userId: string;
	readonly memberships: MembershipInfo[];
};

/**
 * A guardian or young person signed in with Suomi.fi, on the family's own pages (DOMAIN
 * §11, ADR 041). Never a staff context: no staff guard accepts it, and what they see is
 * decided per child by `checkFamilyChildAccess`.
 */
export type FamilyContext = Base & {
	readonly kind: 'family';
	readonly personId: string;
	readonly name: string | null;
	readonly sessionId: string;
	/** The last strong identification (the access-log view asks for a recent one). */
	readonly reidentifiedAt: Date;
};

/** The request's context as the hook built it. */
export type RequestContext = AnonymousContext | StaffContext | FamilyContext;

/** Who acts, as the access log writes it: the user and the membership the act rests on. */
export type Actor = {
	userId: string;
	organisationId: string | null;
	role: Role | null;
	requestId: string | null;
};

/** A staff member acting through one membership (or none, for a refusal). */
export type ActingContext = StaffContext & { readonly actor: Actor };

/** A staff member acting through one chosen membership (a role's pages: admin, the team). */
export type RoleContext = ActingContext & { readonly membership: MembershipInfo };

/** A staff member acting as a member of their team (meetings, the team's lists). */
export type TeamContext = ActingContext & { readonly teamId: string };

/** The context for one request, from the session's user (or nobody). */
export function requestContext(
	db: Db,
	requestId: string | null,
	user: Pick<SessionUser, 'id' | 'memberships'> | null,
	now: Date = new Date()
): RequestContext {
	if (!user) return { kind: 'anonymous', db, requestId, now };
	return { kind: 'staff', db, requestId, now, userId: user.id, memberships: user.memberships };
}

/** The context of a family member's request on the family's pages. */
export function familyContext(
	db: Db,
	requestId: string | null,
	family: { session: FamilySessionInfo; person: FamilyPrincipal },
	now: Date = new Date()
): FamilyContext {
	return {
		kind: 'family',
		db,
		requestId,
		now,
		personId: family.person.personId,
		name: family.person.name,
		sessionId: family.session.id,
		reidentifiedAt: family.session.reidentifiedAt
	};
}
