/**
 * In-app notices and the e-mail outbox (notifications).
 */
import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts, id, ref } from './columns';
import { emailStatus } from './enums';
import { child } from './children';
import { user } from './identity';

/** In-app notifications. The text is made from `kind` in the reader's language. */
export const notification = pgTable(
	'notification',
	{
		id: id(),
		userId: ref(() => user.id),
		kind: text().notNull(),
		/** A path inside the app; never personal data (ids only). */
		link: text().notNull(),
		/** The child it is about: named in the app to a reader who may see the child, never in mail. */
		childId: uuid().references(() => child.id),
		createdAt: ts().notNull(),
		readAt: ts()
	},
	(t) => [
		index('notification_user_idx').on(t.userId, t.readAt),
		index('notification_child_idx').on(t.childId)
	]
);

/**
 * E-mail waiting to be sent, written in the same transaction as its notification, so that
 * nothing is lost while the mail server is down. The worker retries with back-off.
 */
export const emailOutbox = pgTable(
	'email_outbox',
	{
		id: id(),
		notificationId: ref(() => notification.id),
		to: text().notNull(),
		subject: text().notNull(),
		body: text().notNull(),
		status: emailStatus().notNull().default('pending'),
		attempts: integer().notNull().default(0),
		nextAttemptAt: ts().notNull(),
		lastError: text(),
		sentAt: ts(),
		createdAt: ts().notNull(),
		/** The body holds a secret (a set-password link): emptied once the mail is sent. */
		sensitive: boolean().notNull().default(false)
	},
	(t) => [index('email_outbox_pending_idx').on(t.status, t.nextAttemptAt)]
);
