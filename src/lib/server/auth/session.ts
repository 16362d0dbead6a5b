import { and, eq, isNotNull, lt, ne, or, sql, type SQLWrapper } from 'drizzle-orm';
import { rowsOf, withKeptPlans, type DbOrTx } from '../db';
import { membership, organisation, session, team, user } from '../db/schema';
import {
	actingMemberships,
	type Locale,
	type OrganisationKind,
	type Role,
	type TeamChoice
} from '../../domain/roles';
import { generateToken, hashToken } from './tokens';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** The idle expiry is written at most this often, to spare the database. */
export const RENEW_INTERVAL_MS = 60 * 1000;

export type MembershipInfo = {
	id: string;
	role: Role;
	organisationId: string;
	organisationName: string;
	organisationKind: OrganisationKind;
	teamId: string | null;
	teamName: string | null;
};

export type SessionUser = {
	id: string;
	email: string;
	displayName: string;
	preferredLocale: Locale;
	/** The memberships this request acts through: one team at a time (`actAs`). */
	memberships: MembershipInfo[];
	roles: Role[];
	/** Every team the person works in, and the one they act in now. */
	teams: TeamChoice[];
	teamId: string | null;
};

/** The person acting in `chosenTeamId` (if theirs; else their first team by name), see §2. */
export function actAs(
	u: Omit<SessionUser, 'roles' | 'teams' | 'teamId'>,
	chosenTeamId: string | null | undefined
): SessionUser {
	const acting = actingMemberships(u.memberships, chosenTeamId);
	return {
		...u,
		memberships: acting.memberships,
		roles: [...new Set(acting.memberships.map((m) => m.role))],
		teams: acting.teams,
		teamId: acting.teamId
	};
}

export type SessionInfo = {
	id: string;
	userId: string;
	createdAt: Date;
	expiresAt: Date;
	absoluteExpiresAt: Date;
	/** Null: the password was right, the second factor not yet given (ADR 014). */
	secondFactorAt: Date | null;
	reauthAt: Date | null;
	userAgent: string | null;
	lastSeenAt: Date | null;
	/** The identity provider signed in through (its issuer); null: a password. */
	providerIssuer: string | null;
};

/** A session that has only passed the password lives this long, and opens nothing. */
export const PENDING_LIFETIME_MS = 10 * 60 * 1000;

export type SessionValidation =
	| { session: SessionInfo; user: SessionUser; renewed: boolean }
	| { session: null; user: null; renewed: false };

export function idleExpiry(now: Date, absolute: Date): Date {
	return new Date(Math.min(now.getTime() + IDLE_TIMEOUT_MS, absolute.getTime()));
}

/**
 * A new session. `secondFactor: false` makes a pending one (after the password, before the
 * code): short-lived, and the hook gives it no user. A full one is made only after the code
 * (a new token, so the pending token never becomes a full session: no fixation).
 */
export async function createSession(
	db: DbOrTx,
	userId: string,
	now: Date = new Date(),
	opts: { secondFactor?: boolean; userAgent?: string | null; providerIssuer?: string | null } = {
		secondFactor: true
	}
): Promise<{ token: string; session: SessionInfo }> {
	const token = generateToken();
	const full = opts.secondFactor ?? true;
	const absoluteExpiresAt = new Date(
		now.getTime() + (full ? ABSOLUTE_LIFETIME_MS : PENDING_LIFETIME_MS)
	);
	const info: SessionInfo = {
		id: hashToken(token),
		userId,
		createdAt: now,
		expiresAt: idleExpiry(now, absoluteExpiresAt),
		absoluteExpiresAt,
		secondFactorAt: full ? now : null,
		reauthAt: full ? now : null,
		userAgent: opts.userAgent?.slice(0, 300) ?? null,
		lastSeenAt: now,
		providerIssuer: opts.providerIssuer ?? null
	};
	await db.insert(session).values(info);
	return { token, session: info };
}

/**
 * A person's approved memberships as one JSON value, ordered by organisation: a pending
 * membership gives nothing, not even a role in the navigation. One definition for the
 * session's own statement (the user's row) and for `loadMemberships` (a user id).
 */
const approvedMemberships = (userId: SQLWrapper) => sql<MembershipInfo[]>`coalesce((select
	json_agg(json_build_object(
		'id', ${membership.id}, 'role', ${membership.role},
		'organisationId', ${organisation.id}, 'organisationName', ${organisation.name},
		'organisationKind', ${organisation.kind}, 'teamId', ${team.id}, 'teamName', ${team.name}
	) order by ${organisation.name}, ${membership.id})
	from ${membership}
	join ${organisation} on ${organisation.id} = ${membership.organisationId}
	left join ${team} on ${team.id} = ${membership.teamId}
	where ${membership.userId} = ${userId} and ${membership.approvedAt} is not null), '[]'::json)`;

export async function loadMemberships(db: DbOrTx, userId: string): Promise<MembershipInfo[]> {
	const [row] = rowsOf<{ memberships: MembershipInfo[] }>(
		await db.execute(sql`select ${approvedMemberships(sql`${userId}::uuid`)} as memberships`)
	);
	return row!.memberships;
}

export function validateSessionToken(
	db: DbOrTx,
	token: string,
	now: Date = new Date(),
	/** The team chosen in the header (a cookie); the person acts in it if it is theirs. */
	chosenTeamId: string | null = null
): Promise<SessionValidation> {
	// Every signed-in request runs these lookups by key: one plan fits all (ADR 045).
	return withKeptPlans(() => validate(db, token, now, chosenTeamId));
}

async function validate(
	db: DbOrTx,
	token: string,
	now: Date,
	chosenTeamId: string | null
): Promise<SessionValidation> {
	const none = { session: null, user: null, renewed: false } as const;
	const id = hashToken(token);
	// The person's approved memberships come in the same statement, as JSON: every
	// signed-in request reads them, and a second round trip was a tenth of the statements
	// of a request like the dashboard (docs/performance.md).
	const [row] = await db
		.select({ session, user, memberships: approvedMemberships(user.id) })
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.where(eq(session.id, id));
	if (!row) return none;
	const s = row.session;
	if (!row.user.active || now >= s.expiresAt || now >= s.absoluteExpiresAt) {
		await db.delete(session).where(eq(session.id, id));
		return none;
	}
	let renewed = false;
	const next = idleExpiry(now, s.absoluteExpiresAt);
	if (next.getTime() - s.expiresAt.getTime() >= RENEW_INTERVAL_MS) {
		await db.update(session).set({ expiresAt: next, lastSeenAt: now }).where(eq(session.id, id));
		s.expiresAt = next;
		s.lastSeenAt = now;
		renewed = true;
	}
	const memberships = row.memberships;
	return {
		session: s,
		user: actAs(
			{
				id: row.user.id,
				email: row.user.email,
				displayName: row.user.displayName,
				preferredLocale: row.user.preferredLocale,
				memberships
			},
			chosenTeamId
		),
		renewed
	};
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
	await db.delete(session).where(eq(session.id, sessionId));
}

export async function invalidateUserSessions(db: DbOrTx, userId: string): Promise<void> {
	await db.delete(session).where(eq(session.userId, userId));
}

/** Housekeeping: removes sessions that can no longer be used. */
export async function deleteExpiredSessions(db: DbOrTx, now: Date = new Date()): Promise<void> {
	await db
		.delete(session)
		.where(or(lt(session.expiresAt, now), lt(session.absoluteExpiresAt, now)));
}

/** The person's sessions that can still be used, newest activity first. */
export async function listUserSessions(db: DbOrTx, userId: string, now: Date = new Date()) {
	const rows = await db
		.select()
		.from(session)
		.where(and(eq(session.userId, userId), isNotNull(session.secondFactorAt)));
	return rows
		.filter((r) => r.expiresAt > now && r.absoluteExpiresAt > now)
		.sort(
			(a, b) => (b.lastSeenAt ?? b.createdAt).getTime() - (a.lastSeenAt ?? a.createdAt).getTime()
		);
}

/** Ends one of the person's own sessions (never someone else's). */
export async function endOwnSession(db: DbOrTx, userId: string, sessionId: string) {
	const gone = await db
		.delete(session)
		.where(and(eq(session.id, sessionId), eq(session.userId, userId)))
		.returning({ id: session.id });
	return gone.length > 0;
}

/** Ends every session of the person but this one. */
export async function endOtherSessions(db: DbOrTx, userId: string, keepId: string) {
	await db.delete(session).where(and(eq(session.userId, userId), ne(session.id, keepId)));
}

/** The second factor was given just now: the pending session is replaced by a full one. */
export async function upgradeSession(
	db: DbOrTx,
	pending: SessionInfo,
	now: Date = new Date()
): Promise<{ token: string; session: SessionInfo }> {
	await invalidateSession(db, pending.id);
	return createSession(db, pending.userId, now, {
		secondFactor: true,
		userAgent: pending.userAgent,
		providerIssuer: pending.providerIssuer
	});
}

export async function markReauthenticated(db: DbOrTx, sessionId: string, now: Date = new Date()) {
	await db.update(session).set({ reauthAt: now }).where(eq(session.id, sessionId));
}
