import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { actorOf, logDenied, logListed, recordAccess, type StaffContext } from '../../access-log';
import type { MembershipInfo } from '../../auth/session';
import type { Db } from '../../db';
import { caseContact, child, organisation, team, user } from '../../db/schema';
import { ForbiddenError, NotFoundError } from '../../errors';

/**
 * A notifier's receipts (docs/domain.md §3): what its organisation has filed, and for each
 * the reference number, the day received, the office and the worker to contact. Nothing of
 * the child's record: no phase, no decision, no colour; the child's name is the one the
 * notifier wrote. Reading one is a read of a child's data and is logged on the `notifier`
 * basis; another organisation's receipt is a 404, and the denial is logged.
 */

/** Receipts per page of the notifier's list. */
export const RECEIPTS_PAGE_SIZE = 50;

function filerMemberships(viewer: StaffContext): MembershipInfo[] {
	const ms = viewer.memberships.filter(
		(x) => x.role === 'partner' || x.role === 'residential_staff'
	);
	if (!ms.length) throw new ForbiddenError();
	return ms;
}

const worker = alias(user, 'contact_worker');
const filer = alias(user, 'filer');

const receiptColumns = {
	id: caseContact.id,
	childId: caseContact.childId,
	reference: caseContact.reference,
	kind: caseContact.kind,
	receivedOn: caseContact.receivedOn,
	subjectName: caseContact.subjectName,
	filedAt: caseContact.createdAt,
	organisationId: caseContact.filedByOrganisationId,
	teamName: team.name,
	municipality: organisation.municipality,
	workerName: worker.displayName,
	workerEmail: worker.email
};

/** One page of the organisation's receipts, newest first. */
export async function listReceipts(db: Db, viewer: StaffContext, page = 1) {
	const ms = filerMemberships(viewer);
	const orgIds = ms.map((x) => x.organisationId);
	const p = Math.max(1, Math.floor(page));
	return db.transaction(async (tx) => {
		const rows = await tx
			.select({ ...receiptColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
			.from(caseContact)
			.innerJoin(child, eq(child.id, caseContact.childId))
			// The team it was sent to; a child it could see, the child's own team.
			.innerJoin(team, eq(team.id, sql`coalesce(${caseContact.sentToTeamId}, ${child.teamId})`))
			.innerJoin(organisation, eq(organisation.id, team.organisationId))
			.leftJoin(worker, eq(worker.id, caseContact.contactWorkerId))
			.where(inArray(caseContact.filedByOrganisationId, orgIds))
			.orderBy(desc(caseContact.createdAt), desc(caseContact.id))
			.limit(RECEIPTS_PAGE_SIZE)
			.offset((p - 1) * RECEIPTS_PAGE_SIZE);
		await logListed(
			tx,
			rows.map((r) => ({
				actor: actorOf(
					viewer,
					ms.find((x) => x.organisationId === r.organisationId)
				),
				entityType: 'case_contact',
				entityId: r.id,
				childId: r.childId,
				basis: 'notifier'
			}))
		);
		const total = rows[0]?.total ?? 0;
		return {
			receipts: rows.map(({ childId: _c, organisationId: _o, total: _t, ...r }) => r),
			page: p,
			pages: Math.max(1, Math.ceil(total / RECEIPTS_PAGE_SIZE))
		};
	});
}

/** What the receipt's reader gets: neither the child's id nor the organisation's. */
const withoutScope = <T extends { childId: string; organisationId: string }>({
	childId: _c,
	organisationId: _o,
	...rest
}: T) => rest;

/** One receipt, with the notification as the notifier filed it. */
export async function getReceipt(db: Db, viewer: StaffContext, contactId: string) {
	const ms = filerMemberships(viewer);
	const orgIds = ms.map((x) => x.organisationId);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({
				...receiptColumns,
				summary: caseContact.summary,
				filedByName: filer.displayName
			})
			.from(caseContact)
			.innerJoin(child, eq(child.id, caseContact.childId))
			// The team it was sent to; a child it could see, the child's own team.
			.innerJoin(team, eq(team.id, sql`coalesce(${caseContact.sentToTeamId}, ${child.teamId})`))
			.innerJoin(organisation, eq(organisation.id, team.organisationId))
			.innerJoin(filer, eq(filer.id, caseContact.filedBy))
			.leftJoin(worker, eq(worker.id, caseContact.contactWorkerId))
			.where(
				and(eq(caseContact.id, contactId), inArray(caseContact.filedByOrganisationId, orgIds))
			);
		if (!row) {
			await logDenied(tx, actorOf(viewer, ms[0]), {
				action: 'read',
				entityType: 'case_contact',
				entityId: contactId,
				basis: 'notifier'
			});
			return null;
		}
		await recordAccess(tx, {
			actor: actorOf(
				viewer,
				ms.find((x) => x.organisationId === row.organisationId)
			),
			action: 'read',
			entityType: 'case_contact',
			entityId: row.id,
			childId: row.childId,
			basis: 'notifier',
			outcome: 'allowed'
		});
		return withoutScope(row);
	});
}

/** For a route: the receipt, or a 404 (the denial is already logged and committed). */
export async function requireReceipt(db: Db, viewer: StaffContext, contactId: string) {
	const r = await getReceipt(db, viewer, contactId);
	if (!r) throw new NotFoundError();
	return r;
}
