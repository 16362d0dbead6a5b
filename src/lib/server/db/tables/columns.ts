/** The columns many tables share: timestamps with time zone, and an edited row's version. */
import { integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const ts = (name?: string) =>
	name ? timestamp(name, { withTimezone: true }) : timestamp({ withTimezone: true });

/** When a row was made, for rows that are written once. */
export const created = () => ({ createdAt: ts().notNull().defaultNow() });

/**
 * The columns of a row that people edit through forms: when it was made and last changed,
 * and the version an optimistic lock checks (db/lock.ts). A function, so that every table
 * gets its own column builders.
 */
export const editable = () => ({
	...created(),
	updatedAt: ts().notNull().defaultNow(),
	version: integer().notNull().default(1)
});

/** A row's own key: a random UUID, the kind that may stand in a URL. */
export const id = () => uuid().primaryKey().defaultRandom();

type Target = Parameters<ReturnType<typeof uuid>['references']>[0];

/** A reference that every row has: a foreign key to `to`, never empty. */
export const ref = (to: Target) => uuid().notNull().references(to);

/**
 * A sign-in in flight at an OpenID provider (staff's and the family's): the `state`, `nonce`
 * and PKCE verifier its answer must match, where to go after it, and when it lapses.
 */
export const pendingSignIn = () => ({
	state: text().notNull(),
	nonce: text().notNull(),
	verifier: text().notNull(),
	next: text().notNull(),
	...created(),
	expiresAt: ts().notNull()
});
