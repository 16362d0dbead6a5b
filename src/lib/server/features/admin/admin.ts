import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import {
	adminMixProblem,
	isTeamRole,
	membershipProblem,
	type Locale,
	type OrganisationKind,
	type Role
} from '../../../domain/roles';
import { m } from '../../../paraglide/messages';
import { recordAccess, type Actor } from '../../access-log';
import type { ActingContext, RoleContext } from '../../context';
import { removeFactor } from '../../auth/factor';
import { securityEvent } from '../../auth/security-events';
import { invalidateUserSessions } from '../../auth/session';
import { generateToken, hashToken } from '../../auth/tokens';
import { isUniqueViolation, type Db } from '../../db';
import { nextVersion, updateVersioned } from '../../db/lock';
import { membership, organisation, passwordToken, team, user } from '../../db/schema';
import { FieldError, NotFoundError } from '../../errors';
import { readEnv } from '../../env';
import { notify } from '../notifications';
import { emailOutbox, notification } from '../../db/schema';
import { assertActorRole } from '../../access';
import { ForbiddenError } from '../../errors';

/** A security event's ids: whose account, who acted, which request (no personal data). */
const by = (actor: Actor, userId: string) => ({
	userId,
	actorId: actor.userId,
	requestId: actor.requestId ?? null
});

/** Admin services: organisations, teams, users, memberships. No child data here. */

export const PASSWORD_LINK_TTL_MS = 24 * 60 * 60 * 1000;

const log = (
	tx: Parameters<typeof recordAccess>[0],
	actor: Actor,
	action: string,
	entityType: string,
	entityId: string
) =>
	recordAccess(tx, {
		actor,
		action,
		entityType,
		entityId,
		outcome: 'allowed',
		basis: 'administration'
	});

// ---- organisations ----

export type OrganisationInput = {
	name: string;
	kind: OrganisationKind;
	municipality?: string | null;
	emergencyPhone?: string | null;
	/** Whole days as typed; the schema has checked them. */
	firstClientPlanDays?: string;
	/** Unset: as before (a new organisation: password or provider). */
	signIn?: 'password_or_provider' | 'provider_only';
};

/** An empty field is no setting: the form sends '' for "none". */
const orgValues = ({ signIn, ...input }: OrganisationInput) => ({
	...input,
	emergencyPhone: input.emergencyPhone?.trim() || null,
	firstClientPlanDays: input.firstClientPlanDays ? Number(input.firstClientPlanDays) : undefined,
	providerOnly: signIn === undefined ? undefined : signIn === 'provider_only'
});

export async function listOrganisations(db: Db, { actor }: ActingContext) {
	assertActorRole(actor, 'admin');
	return db.select().from(organisation).orderBy(asc(organisation.name));
}

export async function getOrganisation(db: Db, { actor }: ActingContext, id: string) {
	assertActorRole(actor, 'admin');
	const [row] = await db.select().from(organisation).where(eq(organisation.id, id));
	if (!row) throw new NotFoundError();
	return row;
}

export async function createOrganisation(
	db: Db,
	{ actor }: ActingContext,
	input: OrganisationInput
) {
	assertActorRole(actor, 'admin');
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx.insert(organisation).values(orgValues(input)).returning();
			await log(tx, actor, 'create', 'organisation', row!.id);
			return row!;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new FieldError({ name: m.error_name_taken() });
		throw e;
	}
}

export async function updateOrganisation(
	db: Db,
	{ actor }: ActingContext,
	id: string,
	input: OrganisationInput & { version: number }
) {
	assertActorRole(actor, 'admin');
	const { version, ...values } = input;
	try {
		return await db.transaction(async (tx) => {
			const row = await updateVersioned(tx, organisation, id, version, orgValues(values));
			await log(tx, actor, 'update', 'organisation', id);
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new FieldError({ name: m.error_name_taken() });
		throw e;
	}
}

// ---- teams ----

export async function listTeams(db: Db, { actor }: ActingContext) {
	assertActorRole(actor, 'admin');
	return db
		.select({
			id: team.id,
			name: team.name,
			version: team.version,
			organisationId: team.organisationId,
			organisationName: organisation.name
		})
		.from(team)
		.innerJoin(organisation, eq(organisation.id, team.organisationId))
		.orderBy(asc(organisation.name), asc(team.name));
}

export async function getTeam(db: Db, { actor }: ActingContext, id: string) {
	assertActorRole(actor, 'admin');
	const [row] = await db.select().from(team).where(eq(team.id, id));
	if (!row) throw new NotFoundError();
	return row;
}

async function assertChildProtectionOrg(db: Db, organisationId: string) {
	const [org] = await db.select().from(organisation).where(eq(organisation.id, organisationId));
	if (!org) throw new FieldError({ organisationId: m.error_choose_organisation() });
	if (org.kind !== 'child_protection') {
		throw new FieldError({ organisationId: m.error_team_needs_child_protection() });
	}
}

export async function createTeam(
	db: Db,
	{ actor }: ActingContext,
	input: { organisationId: string; name: string }
) {
	assertActorRole(actor, 'admin');
	await assertChildProtectionOrg(db, input.organisationId);
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx.insert(team).values(input).returning();
			await log(tx, actor, 'create', 'team', row!.id);
			return row!;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new FieldError({ name: m.error_name_taken() });
		throw e;
	}
}

export async function updateTeam(
	db: Db,
	{ actor }: ActingContext,
	id: string,
	input: { name: string; version: number }
) {
	assertActorRole(actor, 'admin');
	try {
		return await db.transaction(async (tx) => {
			const row = await updateVersioned(tx, team, id, input.version, { name: input.name });
			await log(tx, actor, 'update', 'team', id);
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new FieldError({ name: m.error_name_taken() });
		throw e;
	}
}

// ---- users ----

const publicUser = {
	id: user.id,
	email: user.email,
	displayName: user.displayName,
	active: user.active,
	preferredLocale: user.preferredLocale,
	version: user.version,
	hasPassword: sql<boolean>`${user.passwordHash} is not null`,
	/** Signs in through an organisation's identity provider (DOMAIN §12). */
	// Spelled out: inside a select list Drizzle leaves columns unqualified, which in the
	// subquery would name user_identity's own id.
	viaProvider: sql<boolean>`exists (select 1 from user_identity ui where ui.user_id = "user"."id")`
};

/** Users per page of the admin's list. */
export const USER_LIST_PAGE_SIZE = 50;

/**
 * The users, one page at a time (a region has thousands): accounts without a role first
 * (a first sign-in through the provider waits for one), then by name; each with its
 * memberships, read for this page only.
 */
export async function listUsers(db: Db, { actor }: ActingContext, page = 1) {
	assertActorRole(actor, 'admin');
	const at = Math.max(1, Math.floor(page));
	const found = await db
		.select({ ...publicUser, total: sql<number>`count(*) over ()`.mapWith(Number) })
		.from(user)
		.orderBy(
			sql`exists (select 1 from membership ms where ms.user_id = "user"."id")`,
			asc(user.displayName),
			asc(user.id)
		)
		.limit(USER_LIST_PAGE_SIZE)
		.offset((at - 1) * USER_LIST_PAGE_SIZE);
	const ids = found.map((u) => u.id);
	const memberships = ids.length
		? await db
				.select({
					userId: membership.userId,
					role: membership.role,
					organisationName: organisation.name
				})
				.from(membership)
				.innerJoin(organisation, eq(organisation.id, membership.organisationId))
				.where(inArray(membership.userId, ids))
		: [];
	const total = found[0]?.total ?? 0;
	return {
		rows: found.map(({ total: _total, ...u }) => ({
			...u,
			memberships: memberships.filter((ms) => ms.userId === u.id)
		})),
		page: at,
		pages: Math.max(1, Math.ceil(total / USER_LIST_PAGE_SIZE)),
		total
	};
}

export async function getUser(db: Db, { actor }: ActingContext, id: string) {
	assertActorRole(actor, 'admin');
	const [row] = await db.select(publicUser).from(user).where(eq(user.id, id));
	if (!row) throw new NotFoundError();
	const memberships = await db
		.select({
			id: membership.id,
			role: membership.role,
			organisationId: membership.organisationId,
			organisationName: organisation.name,
			teamId: membership.teamId,
			teamName: team.name,
			pending: sql<boolean>`${membership.approvedAt} is null`
		})
		.from(membership)
		.innerJoin(organisation, eq(organisation.id, membership.organisationId))
		.leftJoin(team, eq(team.id, membership.teamId))
		.where(eq(membership.userId, id))
		.orderBy(asc(organisation.name));
	return { ...row, memberships };
}

export type UserInput = { email: string; displayName: string; preferredLocale: Locale };

export async function createUser(db: Db, { actor }: ActingContext, input: UserInput) {
	assertActorRole(actor, 'admin');
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(user)
				.values({ ...input, email: input.email.trim().toLowerCase() })
				.returning({ id: user.id });
			await log(tx, actor, 'create', 'user', row!.id);
			return row!;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new FieldError({ email: m.error_email_taken() });
		throw e;
	}
}

export async function updateUser(
	db: Db,
	{ actor }: ActingContext,
	id: string,
	input: UserInput & { version: number }
) {
	assertActorRole(actor, 'admin');
	const { version, ...values } = input;
	try {
		return await db.transaction(async (tx) => {
			// The e-mail is where set-password links go. An admin who could change it could
			// send a team member's link to themselves: for anyone with a role that reaches
			// children it stays as it is (a new address means a new account).
			const [current] = await tx.select({ email: user.email }).from(user).where(eq(user.id, id));
			const email = values.email.trim().toLowerCase();
			if (current && current.email !== email) {
				const [reaching] = await tx
					.select({ id: membership.id })
					.from(membership)
					.where(and(eq(membership.userId, id), ne(membership.role, 'admin')))
					.limit(1);
				if (reaching) throw new FieldError({ email: m.error_email_locked() });
			}
			const row = await updateVersioned(
				tx,
				user,
				id,
				version,
				{ ...values, email },
				{ conflictFields: publicUser }
			);
			await log(tx, actor, 'update', 'user', id);
			return { id: row.id };
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new FieldError({ email: m.error_email_taken() });
		throw e;
	}
}

/** Deactivation signs the person out everywhere, in the same transaction. */
export async function setUserActive(db: Db, { actor }: ActingContext, id: string, active: boolean) {
	assertActorRole(actor, 'admin');
	if (!active && id === actor.userId)
		throw new FieldError({ active: m.error_cannot_deactivate_self() });
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(user)
			.set({ active, version: nextVersion(user), updatedAt: new Date() })
			.where(eq(user.id, id))
			.returning({ id: user.id });
		if (!row) throw new NotFoundError();
		if (!active) await invalidateUserSessions(tx, id);
		await log(tx, actor, active ? 'activate' : 'deactivate', 'user', id);
	});
	securityEvent(active ? 'user_activated' : 'user_deactivated', by(actor, id));
}

export async function addMembership(
	db: Db,
	{ actor }: ActingContext,
	input: { userId: string; organisationId: string; teamId: string | null; role: Role }
) {
	assertActorRole(actor, 'admin');
	const made = await db.transaction(async (tx) => {
		const [org] = await tx
			.select()
			.from(organisation)
			.where(eq(organisation.id, input.organisationId));
		if (!org) throw new FieldError({ organisationId: m.error_choose_organisation() });
		if (input.teamId) {
			const [t] = await tx.select().from(team).where(eq(team.id, input.teamId));
			if (!t || t.organisationId !== org.id)
				throw new FieldError({ teamId: m.error_team_not_in_org() });
		}
		const problem = membershipProblem({
			role: input.role,
			organisationKind: org.kind,
			hasTeam: input.teamId !== null
		});
		if (problem) {
			const field =
				problem === 'team_role_needs_team' || problem === 'team_only_for_team_roles'
					? 'teamId'
					: 'role';
			throw new FieldError({ [field]: membershipProblemText(problem) });
		}
		const existing = await tx
			.select({ role: membership.role, organisationId: membership.organisationId })
			.from(membership)
			.where(eq(membership.userId, input.userId));
		if (existing.some((e) => e.organisationId === org.id)) {
			throw new FieldError({ organisationId: m.error_membership_exists() });
		}
		if (
			adminMixProblem(
				existing.map((e) => e.role),
				input.role
			)
		) {
			throw new FieldError({ role: m.error_admin_separation() });
		}
		// A team role reaches children: it waits for the team's consultant social worker. The
		// admin's word alone never opens child data (four eyes, ADR 012).
		const pending = isTeamRole(input.role);
		const [row] = await tx
			.insert(membership)
			.values({
				...input,
				createdBy: actor.userId,
				approvedAt: pending ? null : new Date(),
				approvedBy: pending ? null : actor.userId
			})
			.returning({ id: membership.id });
		await log(tx, actor, 'create', 'membership', row!.id);
		if (pending && input.teamId) {
			const consultants = await tx
				.select({ userId: membership.userId })
				.from(membership)
				.where(
					and(
						eq(membership.teamId, input.teamId),
						eq(membership.role, 'consultant_social_worker'),
						isNotNull(membership.approvedAt)
					)
				);
			await notify(
				tx,
				consultants.map((c) => c.userId),
				'membership_pending',
				'/team'
			);
		}
		return { ...row!, pending };
	});
	securityEvent('role_given', { ...by(actor, input.userId), what: input.role });
	return made;
}

export async function removeMembership(db: Db, { actor }: ActingContext, membershipId: string) {
	assertActorRole(actor, 'admin');
	const removed = await db.transaction(async (tx) => {
		const [row] = await tx.delete(membership).where(eq(membership.id, membershipId)).returning();
		if (!row) throw new NotFoundError();
		// Roles changed: the person signs in again to get the new ones.
		await invalidateUserSessions(tx, row.userId);
		await log(tx, actor, 'delete', 'membership', membershipId);
		return row;
	});
	securityEvent('role_removed', { ...by(actor, removed.userId), what: removed.role });
}

function membershipProblemText(p: NonNullable<ReturnType<typeof membershipProblem>>): string {
	switch (p) {
		case 'team_role_needs_child_protection':
			return m.error_team_role_needs_child_protection();
		case 'team_role_needs_team':
			return m.error_team_role_needs_team();
		case 'team_only_for_team_roles':
			return m.error_team_only_for_team_roles();
		case 'partner_needs_partner_org':
			return m.error_partner_needs_partner_org();
		case 'residential_staff_needs_residential_unit':
			return m.error_residential_needs_unit();
		case 'region_manager_needs_child_protection':
			return m.error_region_manager_needs_child_protection();
	}
}

/**
 * A one-time link to set a password, valid 24 h. Only the token's hash is stored; earlier
 * unused links of the person stop working. For the CLI (run by someone with database
 * access) and for `sendPasswordLink`; never returned to a web page.
 */
export async function issuePasswordLink(
	db: Db,
	ctx: ActingContext | null,
	userId: string,
	now: Date = new Date()
): Promise<{ token: string; expiresAt: Date }> {
	const actor = ctx?.actor ?? null;
	if (actor) assertActorRole(actor, 'admin');
	const token = generateToken();
	const expiresAt = new Date(now.getTime() + PASSWORD_LINK_TTL_MS);
	await db.transaction(async (tx) => {
		const [u] = await tx.select({ id: user.id }).from(user).where(eq(user.id, userId));
		if (!u) throw new NotFoundError();
		await tx.delete(passwordToken).where(eq(passwordToken.userId, userId));
		await tx
			.insert(passwordToken)
			.values({ id: hashToken(token), userId, createdAt: now, expiresAt });
		if (actor) await log(tx, actor, 'issue_password_link', 'user', userId);
	});
	return { token, expiresAt };
}

/**
 * What an admin does for a person who needs a (new) password: the link goes to the
 * person's own e-mail through the outbox, or, without SMTP_URL (a local run), to the local
 * mail folder only the machine's owner reads; never to the admin's screen, never to the
 * server's log (ADR 032). The person's sessions end and they are notified in the app, in
 * the same transaction.
 */
export async function sendPasswordLink(
	db: Db,
	{ actor }: ActingContext,
	userId: string,
	now: Date = new Date()
): Promise<{ expiresAt: Date; delivery: 'email' | 'folder' }> {
	assertActorRole(actor, 'admin');
	const env = readEnv();
	const token = generateToken();
	const expiresAt = new Date(now.getTime() + PASSWORD_LINK_TTL_MS);
	const url = `${env.ORIGIN ?? 'http://localhost:3000'}/set-password/${token}`;
	await db.transaction(async (tx) => {
		const [u] = await tx
			.select({ id: user.id, email: user.email, locale: user.preferredLocale })
			.from(user)
			.where(eq(user.id, userId));
		if (!u) throw new NotFoundError();
		await tx.delete(passwordToken).where(eq(passwordToken.userId, userId));
		await tx
			.insert(passwordToken)
			.values({ id: hashToken(token), userId, createdAt: now, expiresAt });
		await invalidateUserSessions(tx, userId);
		const [n] = await tx
			.insert(notification)
			.values({ userId, kind: 'password_link', link: '/account', createdAt: now })
			.returning({ id: notification.id });
		// Through the outbox either way: the worker sends it, or writes it to the folder.
		const locale = u.locale;
		await tx.insert(emailOutbox).values({
			notificationId: n!.id,
			to: u.email,
			subject: m.mail_password_subject({}, { locale }),
			body: m.mail_password_body({ link: url, hours: 24 }, { locale }),
			nextAttemptAt: now,
			createdAt: now,
			sensitive: true
		});
		await log(tx, actor, 'send_password_link', 'user', userId);
	});
	securityEvent('password_link_sent', by(actor, userId));
	return { expiresAt, delivery: env.SMTP_URL ? 'email' : 'folder' };
}

// ---- approvals (by the team's consultant social worker, not by admins) ----

/** A team's members and the memberships waiting for approval; team roles only see it. */
export async function teamMembers(db: Db, teamId: string) {
	return db
		.select({
			id: membership.id,
			userId: user.id,
			displayName: user.displayName,
			email: user.email,
			role: membership.role,
			pending: sql<boolean>`${membership.approvedAt} is null`,
			createdAt: membership.createdAt
		})
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(and(eq(membership.teamId, teamId), eq(user.active, true)))
		.orderBy(asc(user.displayName));
}

/**
 * The consultant social worker of the team approves (or refuses) a pending membership.
 * Never their own, and never by an admin: `actor` must hold that team's consultant role.
 */
export async function decideMembership(
	db: Db,
	{ actor, membership: acting }: RoleContext,
	membershipId: string,
	approve: boolean,
	now: Date = new Date()
) {
	assertActorRole(actor, 'consultant_social_worker');
	const decided = await db.transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(membership)
			.where(eq(membership.id, membershipId))
			.for('update');
		if (!row || row.teamId === null || row.teamId !== acting.teamId || row.approvedAt !== null)
			throw new NotFoundError();
		if (row.userId === actor.userId) throw new ForbiddenError();
		if (approve) {
			await tx
				.update(membership)
				.set({ approvedAt: now, approvedBy: actor.userId })
				.where(eq(membership.id, membershipId));
		} else {
			await tx.delete(membership).where(eq(membership.id, membershipId));
		}
		await recordAccess(tx, {
			actor,
			action: approve ? 'approve' : 'refuse',
			entityType: 'membership',
			entityId: membershipId,
			outcome: 'allowed',
			basis: 'team'
		});
		// The person signs in again to get the new role.
		await invalidateUserSessions(tx, row.userId);
		return row;
	});
	securityEvent(approve ? 'membership_approved' : 'membership_refused', {
		...by(actor, decided.userId),
		what: decided.role
	});
}

// ---- resetting a lost authenticator ----

/**
 * A lost authenticator is reset by someone else, never by the person without a factor: the
 * consultant social worker of the person's team for team members, an admin for everyone
 * else (partners, residential staff, admins). The person's factor and recovery codes go,
 * every session ends, the reset is logged and the person is told (ADR 014).
 */
export async function resetFactor(
	db: Db,
	{ actor, membership: acting }: RoleContext,
	targetUserId: string,
	now: Date = new Date()
) {
	const ms = await db
		.select({ role: membership.role, teamId: membership.teamId })
		.from(membership)
		.where(and(eq(membership.userId, targetUserId), isNotNull(membership.approvedAt)));
	const [target] = await db.select({ id: user.id }).from(user).where(eq(user.id, targetUserId));
	if (!target) throw new NotFoundError();
	const teamMember = ms.some((x) => isTeamRole(x.role));
	const allowed =
		actor.userId !== targetUserId &&
		(actor.role === 'admin'
			? !teamMember
			: actor.role === 'consultant_social_worker' &&
				!!acting.teamId &&
				ms.some((x) => x.teamId === acting.teamId));
	if (!allowed) {
		await recordAccess(db, {
			actor,
			action: 'reset_factor',
			entityType: 'user',
			entityId: targetUserId,
			outcome: 'denied'
		});
		throw new ForbiddenError();
	}
	await db.transaction(async (tx) => {
		await removeFactor(tx, targetUserId);
		await invalidateUserSessions(tx, targetUserId);
		await notify(tx, [targetUserId], 'factor_reset', '/account', now);
		await recordAccess(tx, {
			actor,
			action: 'reset_factor',
			entityType: 'user',
			entityId: targetUserId,
			outcome: 'allowed',
			basis: actor.role === 'admin' ? 'administration' : 'team'
		});
	});
	securityEvent('factor_reset', by(actor, targetUserId));
}
