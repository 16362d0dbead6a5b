/**
 * The people and organisations: organisations, teams, users, memberships, sessions and
 * second factors (auth and admin).
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	index,
	integer,
	pgTable,
	text,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { created, editable, ts, id, pendingSignIn, ref } from './columns';
import { organisationKind, role, locale } from './enums';

export const organisation = pgTable('organisation', {
	id: id(),
	name: text().notNull().unique(),
	kind: organisationKind().notNull(),
	municipality: text(),
	/** The region's emergency social services (sosiaalipäivystys), for "danger now" (§6). */
	emergencyPhone: text(),
	/** Days from the client phase's start to the first client plan (30 §: "without delay"). */
	firstClientPlanDays: integer().notNull().default(30),
	/**
	 * Its people sign in only through the organisation's identity provider (DOMAIN §12): a
	 * right password of a member opens nothing.
	 */
	providerOnly: boolean().notNull().default(false),
	...editable()
});

export const team = pgTable(
	'team',
	{
		id: id(),
		organisationId: ref(() => organisation.id),
		name: text().notNull(),
		/** §7: every child is discussed at least this often (days); the team's own setting. */
		rotationDays: integer().notNull().default(28),
		/** §7: the weekly meeting's length (minutes), shared over its agenda. */
		meetingMinutes: integer().notNull().default(120),
		...editable()
	},
	(t) => [
		uniqueIndex('team_org_name_uq').on(t.organisationId, t.name),
		check('team_meeting_minutes_range', sql`${t.meetingMinutes} BETWEEN 15 AND 480`)
	]
);

export const user = pgTable(
	'user',
	{
		id: id(),
		// Stored lower-cased; the unique index makes e-mail the login name.
		email: text().notNull(),
		displayName: text().notNull(),
		// Null until the person sets a password through a one-time link.
		passwordHash: text(),
		active: boolean().notNull().default(true),
		preferredLocale: locale().notNull().default('fi'),
		...editable()
	},
	(t) => [uniqueIndex('user_email_uq').on(t.email)]
);

export const membership = pgTable(
	'membership',
	{
		id: id(),
		userId: ref(() => user.id),
		organisationId: ref(() => organisation.id),
		teamId: uuid().references(() => team.id),
		role: role().notNull(),
		...created(),
		/**
		 * A membership gives access only once approved. Team roles given by an admin wait for
		 * a consultant social worker of that team (four eyes, ADR 012); others are approved
		 * when made. Null: pending, no access of any kind.
		 */
		approvedAt: ts(),
		approvedBy: uuid().references(() => user.id),
		createdBy: uuid().references(() => user.id)
	},
	(t) => [
		// One role per user per organisation (docs/domain.md §2).
		uniqueIndex('membership_user_org_uq').on(t.userId, t.organisationId),
		index('membership_team_idx').on(t.teamId),
		index('membership_org_idx').on(t.organisationId)
	]
);

export const session = pgTable(
	'session',
	{
		// SHA-256 (hex) of the token; the token itself is never stored.
		id: text().primaryKey(),
		userId: ref(() => user.id),
		createdAt: ts().notNull(),
		// Idle expiry, pushed forward as the user works (at most once a minute).
		expiresAt: ts().notNull(),
		// Hard limit: never extended.
		absoluteExpiresAt: ts().notNull(),
		/** When the second factor was passed; null: password only, the session opens nothing. */
		secondFactorAt: ts(),
		/** The last confirmation with a fresh code, for sensitive actions (ASVS 3.7.1). */
		reauthAt: ts(),
		/** The browser's own description, to tell the person's sessions apart. */
		userAgent: text(),
		lastSeenAt: ts(),
		/**
		 * The identity provider this session was signed in through (its issuer), null for a
		 * password; signing out then offers to end the provider's session too (DOMAIN §12).
		 */
		providerIssuer: text()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

/**
 * An account's identity at an OpenID Connect provider (DOMAIN §12, ADR 040): the provider's
 * issuer and its stable subject are the key, never the e-mail. `lastSignInAt` tells a
 * leaver: an account the provider no longer signs in is deactivated after a set time.
 */
export const userIdentity = pgTable(
	'user_identity',
	{
		id: id(),
		userId: ref(() => user.id),
		issuer: text().notNull(),
		subject: text().notNull(),
		lastSignInAt: ts().notNull(),
		...created()
	},
	(t) => [
		uniqueIndex('user_identity_issuer_subject_uq').on(t.issuer, t.subject),
		index('user_identity_user_idx').on(t.userId)
	]
);

/**
 * A sign-in through the provider between the redirect there and the answer back: the
 * browser holds only a random handle (a cookie), this row its `state`, `nonce` and PKCE
 * verifier, so none of them is in a URL the app makes or in the browser. Used once, for
 * ten minutes. `purpose`: a sign-in, or a signed-in person linking their account or
 * confirming who they are for a sensitive action (`userId` then says who).
 */
export const providerSignIn = pgTable(
	'provider_sign_in',
	{
		// SHA-256 (hex) of the handle; the handle itself is never stored.
		id: text().primaryKey(),
		/** Which of the configured providers (its id in the app's settings). */
		providerId: text().notNull().default('organisation'),
		purpose: text().notNull(),
		userId: uuid().references(() => user.id),
		...pendingSignIn()
	},
	(t) => [
		check('provider_sign_in_purpose', sql`${t.purpose} IN ('sign_in', 'link', 'confirm')`),
		index('provider_sign_in_expires_idx').on(t.expiresAt),
		index('provider_sign_in_user_idx').on(t.userId)
	]
);

/**
 * The person's authenticator (TOTP, RFC 6238). The secret is encrypted with ENCRYPTION_KEY
 * (AES-256-GCM), so a database dump alone does not give it away. `lastUsedStep` makes every
 * code single-use: a code is accepted only for a time step after the last one used.
 */
export const userFactor = pgTable('user_factor', {
	userId: uuid()
		.primaryKey()
		.references(() => user.id),
	secretEnc: text().notNull(),
	confirmedAt: ts(),
	lastUsedStep: bigint({ mode: 'number' }),
	...created()
});

/**
 * A known text sealed with ENCRYPTION_KEY, one row: every instance opens it at start and
 * refuses to start with a key that cannot (auth/key-check.ts), so a wrong key on one
 * instance is found at once, not as a failed sign-in on every second request.
 */
export const keyCheck = pgTable(
	'key_check',
	{
		id: integer().primaryKey().default(1),
		sealed: text().notNull(),
		...created()
	},
	(t) => [check('key_check_one_row', sql`${t.id} = 1`)]
);

/** Ten single-use recovery codes, hashed (they are long random strings, like tokens). */
export const recoveryCode = pgTable(
	'recovery_code',
	{
		id: id(),
		userId: ref(() => user.id),
		codeHash: text().notNull(),
		usedAt: ts(),
		...created()
	},
	(t) => [uniqueIndex('recovery_code_user_hash_uq').on(t.userId, t.codeHash)]
);

export const passwordToken = pgTable(
	'password_token',
	{
		// SHA-256 (hex) of the one-time token.
		id: text().primaryKey(),
		userId: ref(() => user.id),
		...created(),
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
	lockedUntil: ts(),
	/** The last attempt the key let through: how one statement tells a caller yes or no. */
	attemptId: uuid()
});
