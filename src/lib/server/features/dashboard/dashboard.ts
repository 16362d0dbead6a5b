import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import {
	RULES,
	staleSignals,
	type Colour,
	type Reason,
	type Signal
} from '../../../domain/traffic-light';
import type { Db } from '../../db';
import { child, childStatus, flag, user } from '../../db/schema';
import { ForbiddenError } from '../../errors';
import { logTeamList, type Viewer } from '../../access-log';
import { teamMemberships } from '../../access';

export const PAGE_SIZE = 50;

export type DashboardFilter = {
	colour: Colour | null;
	workerId: string | null;
	signal: 'disagreement' | 'stale' | null;
	page: number;
};

/** The colour the team works with: its own override if it set one, else the computed one. */
const effectiveColour = sql<Colour>`coalesce(${childStatus.overrideColour}, ${childStatus.colour})`;
const severityOrder = sql`case ${effectiveColour} when 'red' then 3 when 'yellow' then 2 when 'green' then 1 else 0 end`;

/** Stale in SQL, the same rule as `staleSignals()`: newest rating over 90 days, or an old red. */
function staleCondition(now: Date): SQL {
	const day = 86400_000;
	const old = new Date(now.getTime() - RULES.staleDays * day).toISOString();
	const oldRed = new Date(now.getTime() - RULES.staleRedDays * day).toISOString();
	return sql`(${childStatus.newestAt} < ${old}::timestamptz or (${childStatus.colour} = 'red' and exists (
		select 1 from jsonb_array_elements(${childStatus.reasons}) r
		where r->>'rule' in ('item_rated_3', 'safety_rated_2') and (r->>'at')::timestamptz < ${oldRed}::timestamptz)))`;
}

/**
 * The page the team opens in its weekly meeting. One query for the page of children (with
 * the filtered total), one for the colour counts; nothing per child. Every child shown is
 * logged, in one insert, in the same transaction.
 */
export async function teamDashboard(db: Db, viewer: Viewer, f: DashboardFilter, now = new Date()) {
	const ms = teamMemberships(viewer);
	if (!ms.length) throw new ForbiddenError();
	const teamIds = ms.map((x) => x.teamId!);
	const where = and(
		inArray(child.teamId, teamIds),
		f.colour ? sql`${effectiveColour} = ${f.colour}` : undefined,
		f.workerId ? eq(child.responsibleWorkerId, f.workerId) : undefined,
		f.signal === 'disagreement'
			? sql`${childStatus.signals} @> '[{"signal":"disagreement"}]'::jsonb`
			: undefined,
		f.signal === 'stale' ? staleCondition(now) : undefined
	);
	const today = helsinkiDate(now);
	return db.transaction(async (tx) => {
		const rows = await tx
			.select({
				id: child.id,
				teamId: child.teamId,
				givenName: child.givenName,
				familyName: child.familyName,
				workerName: user.displayName,
				colour: effectiveColour,
				computed: childStatus.colour,
				overridden: sql<boolean>`${childStatus.overrideColour} is not null`,
				signals: childStatus.signals,
				reasons: childStatus.reasons,
				newestAt: childStatus.newestAt,
				changedAt: childStatus.changedAt,
				total: sql<number>`count(*) over ()`.mapWith(Number),
				openFlag: sql<boolean>`exists (select 1 from ${flag} where ${flag.childId} = ${child.id} and ${flag.status} = 'open')`,
				overdueFlag: sql<boolean>`exists (select 1 from ${flag} where ${flag.childId} = ${child.id} and ${flag.status} = 'open' and ${flag.dueOn} < ${today})`
			})
			.from(child)
			.innerJoin(childStatus, eq(childStatus.childId, child.id))
			.leftJoin(user, eq(user.id, child.responsibleWorkerId))
			.where(where)
			.orderBy(
				desc(severityOrder),
				desc(childStatus.changedAt),
				asc(child.familyName),
				asc(child.id)
			)
			.limit(PAGE_SIZE)
			.offset((f.page - 1) * PAGE_SIZE);
		const counts = await tx
			.select({ colour: effectiveColour, n: sql<number>`count(*)`.mapWith(Number) })
			.from(child)
			.innerJoin(childStatus, eq(childStatus.childId, child.id))
			.where(inArray(child.teamId, teamIds))
			.groupBy(effectiveColour);
		const [late] = await tx
			.select({ n: sql<number>`count(*)`.mapWith(Number) })
			.from(flag)
			.innerJoin(child, eq(child.id, flag.childId))
			.where(and(inArray(child.teamId, teamIds), eq(flag.status, 'open'), lt(flag.dueOn, today)));
		await logTeamList(
			tx,
			viewer,
			ms,
			'child',
			rows.map((r) => ({ entityId: r.id, childId: r.id, teamId: r.teamId }))
		);
		const day = 86400_000;
		return {
			total: rows[0]?.total ?? 0,
			overdueFlags: late?.n ?? 0,
			pageSize: PAGE_SIZE,
			counts: Object.fromEntries(counts.map((c) => [c.colour, c.n])),
			rows: rows.map((r) => {
				const signals = [
					...(r.signals as Signal[]),
					...staleSignals(r.computed, r.reasons as Reason[], r.newestAt, now)
				];
				return {
					id: r.id,
					givenName: r.givenName,
					familyName: r.familyName,
					workerName: r.workerName,
					colour: r.colour,
					// Shown beside an override, so the team always sees what the rules say.
					computed: r.overridden ? r.computed : null,
					signals: [...new Set(signals.map((s) => s.signal))],
					daysSinceAssessment: r.newestAt
						? Math.floor((now.getTime() - r.newestAt.getTime()) / day)
						: null,
					openFlag: r.openFlag,
					overdueFlag: r.overdueFlag,
					daysSinceChange: Math.floor((now.getTime() - r.changedAt.getTime()) / day)
				};
			})
		};
	});
}
