import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Role } from '../../../domain/roles';
import { aboutChild, logChild } from '../../access-log';
import type { FamilyChildContext } from '../../access';
import { inTransaction, type DbOrTx } from '../../db';
import { accessLog, organisation } from '../../db/schema';
import { ForbiddenError } from '../../errors';

/*
 * "Who has read our data" (Act 703/2023 § 11, docs/domain.md §11) on the family's own
 * pages: the last two years of the child's access log in plain words, never raw rows.
 * One line per day, organisation, role, what and basis, with how many times and the last
 * time; the people are named by organisation and role, a family member as such.
 */

/** The most lines shown; an older tail is said to exist, not left out silently. */
export const READ_LOG_LINES = 500;

export type ReadLogLine = {
	day: string;
	lastAt: Date;
	times: number;
	/** `self`: the reader; `family`: another family member; `staff`: a professional. */
	who: 'self' | 'family' | 'staff';
	organisationName: string | null;
	role: Role | null;
	action: string;
	entityType: string;
	basis: string | null;
};

/** The child's access log of the last two years for the family, newest first; logged. */
export async function whoReadOurData(db: DbOrTx, ctx: FamilyChildContext, now = ctx.now) {
	if (ctx.access.kind !== 'family') throw new ForbiddenError();
	const since = new Date(now);
	since.setFullYear(since.getFullYear() - 2);
	return inTransaction(db, async (tx) => {
		const day = sql<string>`to_char((${accessLog.at} at time zone 'Europe/Helsinki')::date, 'YYYY-MM-DD')`;
		// A family member's own reads and writes carry these bases (access/family-access).
		const family = sql<boolean>`coalesce(${accessLog.basis} in ('guardian', 'own_data'), false)`;
		const self = sql<boolean>`(${accessLog.actorUserId} is not distinct from ${ctx.personId}::uuid and ${family})`;
		const rows = await tx
			.select({
				day,
				lastAt: sql<Date>`max(${accessLog.at})`.mapWith(accessLog.at),
				times: sql<number>`count(*)::int`,
				self,
				family,
				organisationName: organisation.name,
				role: accessLog.actorRole,
				action: accessLog.action,
				entityType: accessLog.entityType,
				basis: accessLog.basis
			})
			.from(accessLog)
			.leftJoin(organisation, eq(organisation.id, accessLog.actorOrganisationId))
			.where(
				and(aboutChild(ctx.childId), gte(accessLog.at, since), eq(accessLog.outcome, 'allowed'))
			)
			// By position: an expression with a bound parameter is another parameter in the
			// GROUP BY, which PostgreSQL would not match to the select list's.
			.groupBy(sql`1, 4, 5, 6, 7, 8, 9, 10`)
			.orderBy(desc(sql`max(${accessLog.at})`))
			.limit(READ_LOG_LINES + 1);
		// This view is itself a read of the child's data, written after the query so it is
		// not in its own answer (it is in the next one).
		await logChild(tx, ctx, 'read', 'access_log');
		const lines: ReadLogLine[] = rows.slice(0, READ_LOG_LINES).map((r) => ({
			day: r.day,
			lastAt: r.lastAt,
			times: r.times,
			who: r.self ? 'self' : r.family ? 'family' : 'staff',
			organisationName: r.family ? null : r.organisationName,
			role: r.family ? null : r.role,
			action: r.action,
			entityType: r.entityType,
			basis: r.basis
		}));
		return { lines, more: rows.length > READ_LOG_LINES, since };
	});
}
