import { and, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { m } from '../../../paraglide/messages';
import { notificationText } from '../../../notification-text';
import type { Db, DbOrTx } from '../../db';
import { child, emailOutbox, membership, notification, user } from '../../db/schema';
import { readEnv } from '../../env';
import { NotFoundError } from '../../errors';
import { type Viewer } from '../../access-log';

export const NOTIFICATION_KINDS = [
	'flag_red',
	'flag_overdue',
	'consultation_requested',
	'consultation_scheduled',
	'consultation_outcome',
	'review_overdue',
	'membership_pending',
	'password_link',
	'factor_reset'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Notifies people inside the caller's transaction. With SMTP configured, each notification
 * also gets an e-mail in the outbox, in the same transaction: if the change is rolled back,
 * so is the mail, and once committed it is not lost even while the mail server is down.
 * The e-mail carries only a link to the inbox, no child's name or other personal data.
 */
export async function notify(
	tx: DbOrTx,
	recipients: (string | null | undefined)[],
	kind: NotificationKind,
	link: string,
	now = new Date()
) {
	const ids = [...new Set(recipients.filter((r): r is string => !!r))];
	if (!ids.length) return;
	const rows = await tx
		.insert(notification)
		.values(ids.map((userId) => ({ userId, kind, link, createdAt: now })))
		.returning({ id: notification.id, userId: notification.userId });
	const env = readEnv();
	if (!env.SMTP_URL) return;
	const people = await tx
		.select({ id: user.id, email: user.email, locale: user.preferredLocale, active: user.active })
		.from(user)
		.where(inArray(user.id, ids));
	const origin = env.ORIGIN ?? 'http://localhost:3000';
	const mails = rows.flatMap((r) => {
		const p = people.find((x) => x.id === r.userId);
		if (!p?.active) return [];
		const locale = p.locale ?? 'fi';
		return [
			{
				notificationId: r.id,
				to: p.email,
				subject: m.mail_subject({}, { locale }),
				body: m.mail_body(
					{ what: notificationText(kind, locale), link: `${origin}/notifications` },
					{ locale }
				),
				nextAttemptAt: now,
				createdAt: now
			}
		];
	});
	if (mails.length) await tx.insert(emailOutbox).values(mails);
}

/** The members of a child's team who hold one of the roles (e.g. its coordinators). */
export async function teamMembersWithRole(
	tx: DbOrTx,
	childId: string,
	roles: ('consultant_social_worker' | 'coordinator')[]
) {
	const rows = await tx
		.select({ userId: membership.userId })
		.from(child)
		.innerJoin(membership, eq(membership.teamId, child.teamId))
		.where(
			and(eq(child.id, childId), inArray(membership.role, roles), isNotNull(membership.approvedAt))
		);
	return rows.map((r) => r.userId);
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
	const [r] = await db
		.select({ n: count() })
		.from(notification)
		.where(and(eq(notification.userId, userId), isNull(notification.readAt)));
	return r?.n ?? 0;
}

/** One's own notifications, newest first. They name no child, so no access-log row. */
export async function listNotifications(db: Db, viewer: Viewer, limit = 100) {
	return db
		.select({
			id: notification.id,
			kind: notification.kind,
			createdAt: notification.createdAt,
			readAt: notification.readAt
		})
		.from(notification)
		.where(eq(notification.userId, viewer.userId))
		.orderBy(desc(notification.createdAt))
		.limit(limit);
}

/** Marks one's own notification read and returns where it points. */
export async function openNotification(db: Db, viewer: Viewer, id: string, now = new Date()) {
	const [n] = await db
		.update(notification)
		// The first reading time stays.
		.set({ readAt: sql`coalesce(${notification.readAt}, ${now.toISOString()}::timestamptz)` })
		.where(and(eq(notification.id, id), eq(notification.userId, viewer.userId)))
		.returning({ link: notification.link, readAt: notification.readAt });
	if (!n) throw new NotFoundError();
	return n.link;
}

export async function markAllRead(db: Db, viewer: Viewer, now = new Date()) {
	await db
		.update(notification)
		.set({ readAt: now })
		.where(and(eq(notification.userId, viewer.userId), isNull(notification.readAt)));
}
