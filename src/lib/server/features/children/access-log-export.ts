import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { toCsv } from '../../csv';
import type { Db } from '../../db';
import { accessLog, organisation, user } from '../../db/schema';
import { ForbiddenError } from '../../errors';
import { aboutChild, logChild } from '../../access-log';
import { type ChildContext } from '../../access';

/**
 * Who processed the child's data in the last two years (Act 703/2023 § 11), as CSV for the
 * guardian. The export is itself logged, in the same transaction, before it is read.
 */
export async function exportChildAccessLog(
	db: Db,
	ctx: ChildContext,
	now = new Date()
): Promise<string> {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
	const since = new Date(now);
	since.setFullYear(since.getFullYear() - 2);
	return db.transaction(async (tx) => {
		await logChild(tx, ctx, 'export', 'access_log');
		const rows = await tx
			.select({
				at: accessLog.at,
				actorName: user.displayName,
				organisationName: organisation.name,
				role: accessLog.actorRole,
				action: accessLog.action,
				entityType: accessLog.entityType,
				// A list row names this child's entity (the child, in a list of children); a row of
				// one child's entities names them all.
				entityId: sql<string | null>`coalesce(${accessLog.entityId},
					${accessLog.entityIds}[array_position(${accessLog.childIds}, ${ctx.childId}::uuid)],
					array_to_string(${accessLog.entityIds}, ' '),
					case when ${accessLog.childIds} is not null then ${ctx.childId}::text end)`,
				basis: accessLog.basis,
				outcome: accessLog.outcome
			})
			.from(accessLog)
			.leftJoin(user, eq(user.id, accessLog.actorUserId))
			.leftJoin(organisation, eq(organisation.id, accessLog.actorOrganisationId))
			.where(and(aboutChild(ctx.childId), gte(accessLog.at, since)))
			.orderBy(asc(accessLog.at));
		return toCsv(
			[
				'time',
				'person',
				'organisation',
				'role',
				'action',
				'entity',
				'entity_id',
				'basis',
				'outcome'
			],
			rows.map((r) => [
				r.at.toISOString(),
				r.actorName,
				r.organisationName,
				r.role,
				r.action,
				r.entityType,
				r.entityId,
				r.basis,
				r.outcome
			])
		);
	});
}
