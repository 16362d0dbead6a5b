import { and, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { m } from '../../../paraglide/messages';
import { notificationText } from '../../../labels/notification';
import { rowsOf, withKeptPlans, type Db, type DbOrTx } from '../../db';
import { child, emailOutbox, membership, notification, user } from '../../db/schema';
import { readEnv } from '../../env';
import { NotFoundError } from '../../errors';
import { actorOf, logListed, type ListedItem, type StaffContext } from '../../access-log';
import { resolveChildAccess } from '../../access';
import { together } from '../../db/together';
import type { Locale } from '../../../domain/roles';

export const NOTIFICATION_KINDS = [
	'flag_red',
	'flag_overdue',
	'consultation_requested',
	'consultation_scheduled',
	'consultation_outcome',
	'review_overdue',
	'request_new',
	'information_request',
	'information_answered',
	'workflow_partner_added',
	'workflow_step_assigned',
	'contact_new',
	'request_due_soon',
	'request_overdue',
	'assessment_arrived',
	'membership_pending',
	'password_link',
	'factor_reset',
	'restriction_review'
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
	now = new Date(),
	/** The child it is about: the inbox names the child to a reader who may see it. */
	childId: string | null = null
) {
	const ids = [...new Set(recipients.filter((r): r is string => !!r))];
	if (!ids.length) return;
	const env = readEnv();
	// With mail on, who gets it is read in the same round trip as the notices are written.
	const { rows, people } = await together({
		rows: tx
			.insert(notification)
			.values(ids.map((userId) => ({ userId, kind, link, childId, createdAt: now })))
			.returning({ id: notification.id, userId: notification.userId }),
		people: env.SMTP_URL
			? tx
					.select({
						id: user.id,
						email: user.email,
						locale: user.preferredLocale,
						active: user.active
					})
					.from(user)
					.where(inArray(user.id, ids))
			: null
	});
	if (!people) return;
	await queueMails(
		tx,
		rows.flatMap((r) => {
			const p = people.find((x) => x.id === r.userId);
			return p ? [{ ...p, id: r.id }] : [];
		}),
		kind,
		now
	);
}

/** A notice written, with who it went to: what its e-mail needs. */
type Sent = { id: string; email: string; locale: Locale | null; active: boolean };

/** Each notice's e-mail, into the outbox, for those of its recipients still active. */
async function queueMails(tx: DbOrTx, sent: Sent[], kind: NotificationKind, now: Date) {
	const origin = readEnv().ORIGIN ?? 'http://localhost:3000';
	const mails = sent.flatMap((p) => {
		if (!p.active) return [];
		const locale = p.locale ?? 'fi';
		return [
			{
				notificationId: p.id,
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

/**
 * `notify` for a child's responsible worker, unless they are `except` (who wrote it):
 * one statement finds the worker, writes the notice and reads who gets the mail, so a
 * caller sends it with its own writes instead of reading the worker first.
 */
export async function notifyResponsibleWorker(
	tx: DbOrTx,
	childId: string,
	except: string,
	kind: NotificationKind,
	link: string,
	now = new Date()
) {
	const worker = child.responsibleWorkerId;
	const rows = rowsOf<{
		id: string;
		user_id: string;
		email: string;
		locale: Locale;
		active: boolean;
	}>(
		await tx.execute(sql`
			with sent as (
				insert into ${notification} (user_id, kind, link, child_id, created_at)
				select ${worker}, ${kind}, ${link}, ${child.id}, ${now.toISOString()}::timestamptz
				from ${child}
				where ${child.id} = ${childId} and ${worker} is not null and ${worker} <> ${except}
				returning id, user_id
			)
			select sent.id, sent.user_id, ${user.email} as email,
				${user.preferredLocale} as locale, ${user.active} as active
			from sent join ${user} on ${user.id} = sent.user_id`)
	);
	if (!rows.length || !readEnv().SMTP_URL) return;
	await queueMails(tx, rows, kind, now);
}

/** The approved partner and unit staff of an organisation: who hears of its requests. */
export async function organisationStaff(tx: DbOrTx, organisationId: string) {
	const rows = await tx
		.select({ userId: membership.userId })
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(
			and(
				eq(membership.organisationId, organisationId),
				inArray(membership.role, ['partner', 'residential_staff']),
				isNotNull(membership.approvedAt),
				eq(user.active, true)
			)
		);
	return rows.map((r) => r.userId);
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

export function unreadCount(db: Db, userId: string): Promise<number> {
	// Every signed-in page's header asks it: kept (ADR 045), one round trip instead of an
	// unnamed statement's two (ADR 049). The index on (user, read) is the plan for anyone.
	return withKeptPlans(async () => {
		const [r] = await db
			.select({ n: count() })
			.from(notification)
			.where(and(eq(notification.userId, userId), isNull(notification.readAt)));
		return r?.n ?? 0;
	});
}

/**
 * One's own notifications, newest first. One about a child names the child only while the
 * reader may still see that child, and then the naming is a logged read of the child.
 */
export async function listNotifications(
	db: Db,
	viewer: StaffContext,
	limit = 100,
	now = new Date()
) {
	return db.transaction(async (tx) => {
		const rows = await tx
			.select({
				id: notification.id,
				kind: notification.kind,
				childId: notification.childId,
				createdAt: notification.createdAt,
				readAt: notification.readAt
			})
			.from(notification)
			.where(eq(notification.userId, viewer.userId))
			.orderBy(desc(notification.createdAt))
			.limit(limit);
		const childIds = [...new Set(rows.map((r) => r.childId).filter((c): c is string => !!c))];
		const children = childIds.length
			? await tx
					.select({ id: child.id, givenName: child.givenName, familyName: child.familyName })
					.from(child)
					.where(inArray(child.id, childIds))
			: [];
		const names = new Map<string, string>();
		const listed: ListedItem[] = [];
		for (const c of children) {
			const childId = c.id;
			const access = await resolveChildAccess(tx, viewer, childId, now);
			if (!access) continue;
			names.set(childId, `${c.givenName} ${c.familyName}`);
			listed.push({
				actor: actorOf(viewer, access.membership),
				basis: access.basis,
				entityType: 'notification',
				entityId: childId,
				childId
			});
		}
		await logListed(tx, listed);
		return rows.map(({ childId, ...r }) => ({
			...r,
			childName: childId ? (names.get(childId) ?? null) : null
		}));
	});
}

/** Marks one's own notification read and returns where it points. */
export async function openNotification(db: Db, viewer: StaffContext, id: string, now = new Date()) {
	const [n] = await db
		.update(notification)
		// The first reading time stays.
		.set({ readAt: sql`coalesce(${notification.readAt}, ${now.toISOString()}::timestamptz)` })
		.where(and(eq(notification.id, id), eq(notification.userId, viewer.userId)))
		.returning({ link: notification.link, readAt: notification.readAt });
	if (!n) throw new NotFoundError();
	return n.link;
}

export async function markAllRead(db: Db, viewer: StaffContext, now = new Date()) {
	await db
		.update(notification)
		.set({ readAt: now })
		.where(and(eq(notification.userId, viewer.userId), isNull(notification.readAt)));
}
