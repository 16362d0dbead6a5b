import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { COLOURS, RULES, staleSignals, type Colour } from '../../../domain/traffic-light';
import { inRepeatableRead, withKeptPlans, type Db } from '../../db';
import { together } from '../../db/together';
import { child, childStatus, flag, statutoryClock, user, childName } from '../../db/schema';
import { DUE_SOON_WORKING_DAYS, nthWorkingDayAfter } from '../../../domain/clocks';
import { teamWorkers } from '../children';
import { nearestClocks } from '../path';
import { ForbiddenError } from '../../errors';
import { logTeamList, type StaffContext } from '../../access-log';
import { teamMemberships } from '../../access';
import { shownColour } from '../status';

export const PAGE_SIZE = 50;

export type DashboardFilter = {
	colour: Colour | null;
	workerId: string | null;
	signal: 'disagreement' | 'stale' | null;
	deadline?: 'due' | null;
	page: number;
};

/** The colour the team works with: its own override if it set one, else the computed one. */
const effectiveColour = shownColour();
/** `child_status.severity` (a stored column) for each colour the team works with. */
const SEVERITY: Record<Colour, number> = { red: 3, yellow: 2, green: 1, grey: 0 };
const COLOUR_OF: Record<number, Colour> = Object.fromEntries(
	COLOURS.map((c): [number, Colour] => [SEVERITY[c], c])
);

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
 * A statutory clock due soon or overdue (§10), the rule of `needsAttention`: an open clock
 * due within five working days of today, or before it; closed cases are not counted.
 */
function deadlineCondition(now: Date): SQL {
	const threshold = nthWorkingDayAfter(helsinkiDate(now), DUE_SOON_WORKING_DAYS);
	return sql`(${child.phase} <> 'closed' and exists (select 1 from ${statutoryClock}
		where ${statutoryClock.childId} = ${child.id} and ${statutoryClock.metOn} is null
		and ${statutoryClock.dueOn} <= ${threshold}))`;
}

/** The dashboard's order, which `child_status_team_order_idx` holds (ADR 026). */
const order = [desc(childStatus.severity), desc(childStatus.changedAt), asc(childStatus.childId)];

/**
 * The page the team opens in its weekly meeting, in three statements: the page of children
 * (walked in index order, and only the 50 shown are decorated with their worker and
 * flags), the counts, and one log row for the list. Nothing per child.
 */
export function teamDashboard(db: Db, viewer: StaffContext, f: DashboardFilter, now = new Date()) {
	// A hot path whose plans hold for a team of 150 and one of 3,000 alike: kept (ADR 045).
	return withKeptPlans(() => readTeamDashboard(db, viewer, f, now));
}

async function readTeamDashboard(db: Db, viewer: StaffContext, f: DashboardFilter, now: Date) {
	const ms = teamMemberships(viewer);
	if (!ms.length) throw new ForbiddenError();
	const teamIds = ms.map((x) => x.teamId!);
	const byTeam = inArray(childStatus.teamId, teamIds);
	const narrowed = and(
		f.workerId ? eq(child.responsibleWorkerId, f.workerId) : undefined,
		f.signal === 'disagreement'
			? sql`${childStatus.signals} @> '[{"signal":"disagreement"}]'::jsonb`
			: undefined,
		f.signal === 'stale' ? staleCondition(now) : undefined,
		f.deadline === 'due' ? deadlineCondition(now) : undefined
	);
	const where = and(
		byTeam,
		f.colour ? eq(childStatus.severity, SEVERITY[f.colour]) : undefined,
		narrowed
	);
	const today = helsinkiDate(now);
	// One snapshot for every read of the page: its reads go down in one batch, each its own
	// statement, so the clocks and siblings must see the same rows as the page does.
	return inRepeatableRead(db, async (tx) => {
		/** The page's children, as a subquery the clocks' and siblings' reads name. */
		const shownIds = tx
			.select({ id: sql<string>`${childStatus.childId}`.as('shown_id') })
			.from(childStatus)
			.innerJoin(child, eq(child.id, childStatus.childId))
			.where(where)
			.orderBy(...order)
			.limit(PAGE_SIZE)
			.offset((f.page - 1) * PAGE_SIZE);
		// The rows' own read walks the same page, first, as a CTE (ADR 026).
		const shown = tx.$with('shown').as(shownIds);
		const rowsRead = tx
			.with(shown)
			.select({
				id: child.id,
				teamId: child.teamId,
				...childName,
				familyId: child.familyId,
				workerName: user.displayName,
				colour: effectiveColour,
				computed: childStatus.colour,
				overridden: sql<boolean>`${childStatus.overrideColour} is not null`,
				signals: childStatus.signals,
				reasons: childStatus.reasons,
				newestAt: childStatus.newestAt,
				changedAt: childStatus.changedAt,
				// Scalar probes, not EXISTS: PostgreSQL turns an EXISTS here into a hash of every
				// open flag of the region, built on each view (4,000 rows at 10,000 children).
				openFlag: sql<boolean>`coalesce((select true from ${flag} where ${flag.childId} = ${child.id} and ${flag.status} = 'open' limit 1), false)`,
				overdueFlag: sql<boolean>`coalesce((select true from ${flag} where ${flag.childId} = ${child.id} and ${flag.status} = 'open' and ${flag.dueOn} < ${today} limit 1), false)`
			})
			.from(shown)
			.innerJoin(childStatus, eq(childStatus.childId, shown.id))
			.innerJoin(child, eq(child.id, childStatus.childId))
			.leftJoin(user, eq(user.id, child.responsibleWorkerId))
			.orderBy(...order);
		// Written out: inside a select list Drizzle leaves column names unqualified.
		const teams = sql.join(
			teamIds.map((id) => sql`${id}::uuid`),
			sql`, `
		);
		const aggRead = tx
			.select({
				counts: sql<Record<string, number> | null>`(select json_object_agg(s.severity, s.n)
					from (select cs.severity, count(*)::int as n from child_status cs
						where cs.team_id in (${teams}) group by cs.severity) s)`,
				late: sql<number>`(select count(*)::int from flag f join child c on c.id = f.child_id
					where c.team_id in (${teams}) and f.status = 'open' and f.due_on < ${today})`,
				// §10: notifications whose urgency is not assessed; late after the day received.
				unassessed: sql<{ n: number; late: number } | null>`(select json_build_object(
					'n', count(*)::int, 'late', (count(*) filter (where k.received_on < ${today}))::int)
					from case_contact k join child c on c.id = k.child_id
					where c.team_id in (${teams}) and k.kind = 'notification' and k.urgent is null
						and k.decision is null and c.phase <> 'closed')`
			})
			.from(sql`(select 1) as one`);
		// A worker or signal filter needs the count of what it matches (the colour's is above).
		const filteredRead = narrowed
			? tx
					.select({ n: sql<number>`count(*)::int` })
					.from(childStatus)
					.innerJoin(child, eq(child.id, childStatus.childId))
					.where(where)
			: [];
		// Siblings are shown with each child (§11): their names are read too.
		const relativesRead = tx
			.select({
				id: child.id,
				teamId: child.teamId,
				familyId: child.familyId,
				...childName
			})
			.from(child)
			.where(
				inArray(
					child.familyId,
					tx
						.select({ familyId: child.familyId })
						.from(child)
						.where(and(inArray(child.id, shownIds), isNotNull(child.familyId)))
				)
			)
			.orderBy(asc(child.dateOfBirth));
		// Independent reads, together: one round trip on PostgreSQL.
		const {
			rows,
			agg: [agg],
			filtered: [filtered],
			clocks,
			relatives,
			workers
		} = await together({
			rows: rowsRead,
			agg: aggRead,
			filtered: filteredRead,
			clocks: nearestClocks(tx, shownIds, now),
			relatives: relativesRead,
			// The worker filter's choices: the acting team's people, in the same batch.
			workers: teamWorkers(tx, teamIds[0]!)
		});
		const counts: Partial<Record<Colour, number>> = {};
		for (const [severity, n] of Object.entries(agg?.counts ?? {}))
			counts[COLOUR_OF[Number(severity)]!] = Number(n);
		const total =
			filtered?.n ??
			(f.colour ? (counts[f.colour] ?? 0) : Object.values(counts).reduce((sum, n) => sum + n, 0));
		const logged = new Map(rows.map((r) => [r.id, r.teamId]));
		for (const r of relatives) if (!logged.has(r.id)) logged.set(r.id, r.teamId);
		await logTeamList(
			tx,
			viewer,
			ms,
			'child',
			[...logged].map(([id, teamId]) => ({ entityId: id, childId: id, teamId }))
		);
		const day = 86400_000;
		return {
			total: Number(total),
			overdueFlags: Number(agg?.late ?? 0),
			unassessed: Number(agg?.unassessed?.n ?? 0),
			unassessedLate: Number(agg?.unassessed?.late ?? 0),
			pageSize: PAGE_SIZE,
			counts,
			workers,
			rows: rows.map((r) => {
				const signals = [...r.signals, ...staleSignals(r.computed, r.reasons, r.newestAt, now)];
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
					clock: clocks.get(r.id) ?? null,
					siblings: relatives
						.filter((x) => x.familyId === r.familyId && x.id !== r.id)
						.map((x) => ({ id: x.id, givenName: x.givenName, familyName: x.familyName })),
					openFlag: r.openFlag,
					overdueFlag: r.overdueFlag,
					daysSinceChange: Math.floor((now.getTime() - r.changedAt.getTime()) / day)
				};
			})
		};
	});
}
