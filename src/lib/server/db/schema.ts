import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { LOCALES, ORGANISATION_KINDS, ROLES } from '../../domain/roles';

const ts = (name?: string) =>
	name ? timestamp(name, { withTimezone: true }) : timestamp({ withTimezone: true });

export const organisationKind = pgEnum('organisation_kind', ORGANISATION_KINDS);
export const role = pgEnum('role', ROLES);
export const locale = pgEnum('locale', LOCALES);
export const accessOutcome = pgEnum('access_outcome', ['allowed', 'denied']);

export const organisation = pgTable('organisation', {
	id: uuid().primaryKey().defaultRandom(),
	name: text().notNull().unique(),
	kind: organisationKind().notNull(),
	municipality: text(),
	createdAt: ts().notNull().defaultNow(),
	updatedAt: ts().notNull().defaultNow(),
	version: integer().notNull().default(1)
});

export const team = pgTable(
	'team',
	{
		id: uuid().primaryKey().defaultRandom(),
		organisationId: uuid()
			.notNull()
			.references(() => organisation.id),
		name: text().notNull(),
		createdAt: ts().notNull().defaultNow(),
		updatedAt: ts().notNull().defaultNow(),
		version: integer().notNull().default(1)
	},
	(t) => [uniqueIndex('team_org_name_uq').on(t.organisationId, t.name)]
);

export const user = pgTable(
	'user',
	{
		id: uuid().primaryKey().defaultRandom(),
		// Stored lower-cased; the unique index makes e-mail the login name.
		email: text().notNull(),
		displayName: text().notNull(),
		// Null until the person sets a password through a one-time link.
		passwordHash: text(),
		active: boolean().notNull().default(true),
		preferredLocale: locale().notNull().default('fi'),
		createdAt: ts().notNull().defaultNow(),
		updatedAt: ts().notNull().defaultNow(),
		version: integer().notNull().default(1)
	},
	(t) => [uniqueIndex('user_email_uq').on(t.email)]
);

export const membership = pgTable(
	'membership',
	{
		id: uuid().primaryKey().defaultRandom(),
		userId: uuid()
			.notNull()
			.references(() => user.id),
		organisationId: uuid()
			.notNull()
			.references(() => organisation.id),
		teamId: uuid().references(() => team.id),
		role: role().notNull(),
		createdAt: ts().notNull().defaultNow()
	},
	(t) => [
		// One role per user per organisation (DOMAIN §2).
		uniqueIndex('membership_user_org_uq').on(t.userId, t.organisationId),
		index('membership_team_idx').on(t.teamId)
	]
);

export const session = pgTable(
	'session',
	{
		// SHA-256 (hex) of the token; the token itself is never stored.
		id: text().primaryKey(),
		userId: uuid()
			.notNull()
			.references(() => user.id),
		createdAt: ts().notNull(),
		// Idle expiry, pushed forward as the user works (at most once a minute).
		expiresAt: ts().notNull(),
		// Hard limit: never extended.
		absoluteExpiresAt: ts().notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export const passwordToken = pgTable(
	'password_token',
	{
		// SHA-256 (hex) of the one-time token.
		id: text().primaryKey(),
		userId: uuid()
			.notNull()
			.references(() => user.id),
		createdAt: ts().notNull().defaultNow(),
		expiresAt: ts().notNull(),
		usedAt: ts()
	},
	(t) => [index('password_token_user_idx').on(t.userId)]
);

export const loginThrottle = pgTable('login_throttle', {
	// 'account:<sha256 of e-mail>' or 'client:<address>': no e-mail in clear text.
	key: text().primaryKey(),
	failures: integer().notNull().default(0),
	lastFailureAt: ts().notNull(),
	lockedUntil: ts()
});

/**
 * Append-only audit trail (DOMAIN §9). Triggers in the migrations refuse UPDATE,
 * DELETE and TRUNCATE. No foreign keys: the log must outlive anything it mentions.
 */
export const accessLog = pgTable(
	'access_log',
	{
		id: uuid().primaryKey().defaultRandom(),
		at: ts().notNull().defaultNow(),
		actorUserId: uuid(),
		actorOrganisationId: uuid(),
		actorRole: role(),
		action: text().notNull(),
		entityType: text().notNull(),
		entityId: text(),
		childId: uuid(),
		basis: text(),
		outcome: accessOutcome().notNull(),
		requestId: text()
	},
	(t) => [
		index('access_log_child_at_idx').on(t.childId, t.at),
		index('access_log_actor_at_idx').on(t.actorUserId, t.at),
		check('access_log_action_nonempty', sql`length(${t.action}) > 0`)
	]
);
