import { sql, type SQL } from 'drizzle-orm';
import { CASELOAD_PHASES } from '../../../domain/path';
import { INTENSIVE_KINDS, INTENSIVE_OUTCOMES, WORKFLOW_KINDS } from '../../../domain/workflows';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../domain/roles';
import { holidaysBetween, monthsOf, type Month, type Period } from '../../../domain/reports';
import { addDays } from '../../../domain/working-days';
import { rowsOf, type DbOrTx } from '../../db';

/**
 * Every figure of §8 as SQL aggregates over the records: one statement per figure, no
 * per-child work in Node. Each returns plain numbers; the small-number rule
 * (domain/reports `protect`) is applied after, in one place.
 */

export type Scope = {
	teamIds: string[];
	period: Period;
	today: string;
	/** Limits assessments, requests and consultations to one kind of partner. */
	partnerKind: OrganisationKind | null;
	/** Set by `byTeam`: this read is one part (a team, or all of them) of a split read. */
	split?: Split;
};

/**
 * A figure read for all the teams and for each of them (`byTeam`). Every part's call builds
 * the same statements over all the teams, grouped by team and in total at once (grouping
 * sets), so the first call runs each one and the others take their rows.
 */
type Split = {
	/** The team whose rows this call takes; '' for all the teams together. */
	part: string;
	/**
	 * The n-th statement of the figure, its rows by team ('' for the total), or a value the
	 * figure worked out before its statements (`once`). Shared.
	 */
	results: Promise<unknown>[];
	calls: number;
};

const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const dates = (ds: string[]) => sql`${`{${ds.join(',')}}`}::date[]`;
/** A timestamp as its Finnish calendar date. */
const fiDate = (col: SQL) => sql`(${col} at time zone 'Europe/Helsinki')::date`;
/** The first moment of a Finnish calendar date. */
const fiStart = (date: SQL) => sql`(${date}::timestamp at time zone 'Europe/Helsinki')`;
const sev = (col: SQL) => sql`array_position(array['grey','green','yellow','red'], ${col}::text)`;

function bounds(s: Scope) {
	return {
		// A semi-join on the unnested ids: `= any(array)` tests each row against every id, which
		// for a region of 100 teams costs more than the rest of a small figure (measured).
		inTeams: (col: SQL) => sql`${col} in (select unnest(${uuids(s.teamIds)}))`,
		/** In a split read, each row's team as its first column (`split_team`). */
		team: (col: SQL) => (s.split ? sql`${col} as split_team, ` : sql``),
		/** Group by the keys; in a split read, by team and in total in one pass. */
		groupBy: (...keys: SQL[]) => {
			const list = sql.join(keys, sql`, `);
			if (!s.split) return keys.length ? sql`group by ${list}` : sql``;
			return keys.length
				? sql`group by grouping sets ((split_team, ${list}), (${list}))`
				: sql`group by grouping sets ((split_team), ())`;
		},
		// Getters: every part of a split read calls `bounds`, and only the first builds SQL.
		get from() {
			return sql`${s.period.from}::date`;
		},
		get to() {
			return sql`${s.period.to}::date`;
		},
		get fromTs() {
			return fiStart(sql`${s.period.from}::date`);
		},
		get toTs() {
			return fiStart(sql`${addDays(s.period.to, 1)}::date`);
		},
		get today() {
			return sql`${s.today}::date`;
		},
		// Medians may reach back a year before the period (a flag raised in December,
		// triaged in January) and up to today.
		get holidays() {
			return dates(holidaysBetween(addDays(s.period.from, -366), s.today));
		}
	};
}

const wd = (holidays: SQL, a: SQL, b: SQL) => sql`working_days_between(${a}, ${b}, ${holidays})`;

/**
 * Runs a figure's statement. The statement is built only where it runs: in a split read the
 * other parts' calls take their rows from the first, and building a region's statement a
 * hundred times over cost more than running it.
 */
async function query<T>(db: DbOrTx, s: Scope, build: () => SQL): Promise<T[]> {
	const split = s.split;
	if (!split) return rowsOf<T>(await db.execute(build()));
	const n = split.calls++;
	split.results[n] ??= db.execute(build()).then((res) => {
		const byTeam = new Map<string, unknown[]>();
		for (const row of rowsOf<{ split_team: string | null }>(res)) {
			const team = row.split_team ?? '';
			const rows = byTeam.get(team);
			if (rows) rows.push(row);
			else byTeam.set(team, [row]);
		}
		return byTeam;
	});
	const byTeam = (await split.results[n]) as Map<string, unknown[]>;
	return (byTeam.get(split.part) ?? []) as T[];
}

/** A value a figure needs before it builds its statements, worked out once for all parts. */
async function once<T>(s: Scope, work: () => Promise<T>): Promise<T> {
	const split = s.split;
	if (!split) return work();
	const n = split.calls++;
	split.results[n] ??= work();
	return (await split.results[n]) as T;
}

/**
 * A figure for all the teams of the scope and for each of them, as `read` gives it for a
 * scope of its own, with one statement per query for all the parts: the small-number rule
 * is decided over the teams and their sum together (ADR 033), and a region of a hundred
 * teams must cost neither a hundred round trips nor a hundred passes over its records.
 */
export async function byTeam<T>(
	db: DbOrTx,
	s: Scope,
	read: (db: DbOrTx, s: Scope) => Promise<T>
): Promise<{ all: T; teams: T[] }> {
	const results: Split['results'] = [];
	const part = (team: string) => read(db, { ...s, split: { part: team, results, calls: 0 } });
	// One after another: the first call runs the statements the others read.
	const all = await part('');
	const teams: T[] = [];
	for (const team of s.teamIds) teams.push(await part(team));
	return { all, teams };
}
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

let lastMonths: { key: string; months: readonly Month[] } | undefined;
/** The months of the scope's period; the last answer kept, as each part of a split read asks. */
export function monthsOfScope(s: Scope): readonly Month[] {
	const key = `${s.period.from} ${s.period.to} ${s.today}`;
	if (lastMonths?.key !== key) lastMonths = { key, months: monthsOf(s.period, s.today) };
	return lastMonths.months;
}

/**
 * Children by colour at the end of each month (the colour shown then; closed cases left out).
 * A month whose colours are kept (ADR 047, `child_month_colour`) is read from them: one row
 * per child. Any other month from the history: each row is the colour from its moment until
 * the next row's, and a month end counts the rows whose span holds it. Only the rows that
 * can hold such a month end are read: each child's last row before the first of them (by its
 * index) and its rows up to the last. A phase change holds from its date until a change
 * recorded after it is dated on or before it; only children with a closing change are looked
 * at for that. Both ways give the same counts (a spec holds them to it).
 */
export async function coloursByMonth(db: DbOrTx, s: Scope) {
	const b = bounds(s);
	const months = monthsOfScope(s);
	if (!months.length) return [];
	const kept = new Set(await once(s, () => keptMonthEnds(db, months)));
	const live = months.filter((m) => !kept.has(m.to));
	const lastEndOn = sql`${months[months.length - 1]!.to}::date`;
	const rows = await query<{ month: string; colour: string; n: number }>(db, s, () => {
		const parts: SQL[] = [];
		if (kept.size)
			parts.push(sql`select k.child_id, c.team_id, k.month_end as end_on, k.colour
				from child_month_colour k join child c on c.id = k.child_id
				where k.month_end in (select unnest(${dates([...kept])})) and ${b.inTeams(sql`c.team_id`)}`);
		if (live.length) parts.push(fromHistory(b, live));
		return sql`with m as (
				select m.end_on from unnest(${dates(months.map((x) => x.to))}) as m(end_on)
			), ph as (
				select p.child_id, p.to_phase, p.on,
					min(p.on) over (partition by p.child_id order by p.seq desc
						rows between unbounded preceding and 1 preceding) as next_on
				from phase_change p join child c on c.id = p.child_id
				where ${b.inTeams(sql`c.team_id`)} and p.on <= ${lastEndOn}
					and p.child_id in (select k.child_id from phase_change k
						where k.to_phase = 'closed' and k.on <= ${lastEndOn})
			), closed as (
				select ph.child_id, m.end_on from ph join m on ph.on <= m.end_on
					and (ph.next_on is null or ph.next_on > m.end_on)
				where ph.to_phase = 'closed'
			)
			-- Grouped by the enum and the date: sorting 40,000 rows by collated text cost more.
			select ${b.team(sql`h.team_id`)} to_char(h.end_on, 'YYYY-MM') as month,
				h.colour::text as colour, count(*)::int as n
			from (${sql.join(parts, sql` union all `)}) h
			left join closed x on x.child_id = h.child_id and x.end_on = h.end_on
			where x.child_id is null
			${b.groupBy(sql`h.end_on`, sql`h.colour`)}`;
	});
	return months.map((m) => {
		const of = (colour: string) =>
			num(rows.find((r) => r.month === m.month && r.colour === colour)?.n);
		return {
			month: m.month,
			red: of('red'),
			yellow: of('yellow'),
			green: of('green'),
			grey: of('grey')
		};
	});
}

/** Which of the months have their colours kept (ADR 047). */
async function keptMonthEnds(db: DbOrTx, months: readonly Month[]): Promise<string[]> {
	const rows = rowsOf<{ end_on: string }>(
		await db.execute(sql`select month_end::text as end_on from month_colour_kept
			where month_end in (select unnest(${dates(months.map((m) => m.to))}))`)
	);
	return rows.map((r) => r.end_on);
}

/** Each child's colour at each of the month ends, from its history (rows: child, team, end, colour). */
function fromHistory(b: ReturnType<typeof bounds>, months: readonly Month[]): SQL {
	const firstEnd = fiStart(sql`(${months[0]!.to}::date + 1)`);
	const lastEnd = fiStart(sql`(${months[months.length - 1]!.to}::date + 1)`);
	return sql`select h.child_id, h.team_id, e.end_on, h.colour from (
			select x.child_id, c.team_id, x.colour, x.at,
				lead(x.at) over (partition by x.child_id order by x.at, x.seq) as next_at
			from child c cross join lateral (
				(select h.child_id, h.to_colour as colour, h.at, h.seq from child_status_history h
					where h.child_id = c.id and h.at < ${firstEnd}
					order by h.at desc, h.seq desc limit 1)
				union all
				select h.child_id, h.to_colour, h.at, h.seq from child_status_history h
					where h.child_id = c.id and h.at >= ${firstEnd} and h.at < ${lastEnd}
			) x
			where ${b.inTeams(sql`c.team_id`)}
		) h join (
			select e.end_on, ${fiStart(sql`(e.end_on + 1)`)} as end_ts
			from unnest(${dates(months.map((m) => m.to))}) as e(end_on)
		) e on h.at < e.end_ts and (h.next_at is null or h.next_at >= e.end_ts)`;
}

/**
 * Status changes and the team's own decisions (overrides) each month: raised, lowered, or
 * kept at the colour it had (an override may confirm a colour until its review). The three
 * add up to the overrides, as the small-number rule's sums say they do.
 */
export async function overridesByMonth(db: DbOrTx, s: Scope) {
	const b = bounds(s);
	const rows = await query<Record<string, unknown>>(
		db,
		s,
		() =>
			sql`select ${b.team(sql`c.team_id`)} to_char(h.at at time zone 'Europe/Helsinki', 'YYYY-MM') as month,
				count(*)::int as changes,
				count(*) filter (where h.trigger = 'override')::int as overrides,
				count(*) filter (where h.trigger = 'override'
					and ${sev(sql`h.to_colour`)} > ${sev(sql`h.from_colour`)})::int as raised,
				count(*) filter (where h.trigger = 'override'
					and ${sev(sql`h.to_colour`)} < ${sev(sql`h.from_colour`)})::int as lowered,
				count(*) filter (where h.trigger = 'override'
					and ${sev(sql`h.to_colour`)} is not distinct from ${sev(sql`h.from_colour`)})::int as kept
			from child_status_history h join child c on c.id = h.child_id
			where ${b.inTeams(sql`c.team_id`)} and h.at >= ${b.fromTs} and h.at < ${b.toTs}
			${b.groupBy(sql`month`)}`
	);
	return monthsOfScope(s).map((m) => {
		const r = rows.find((x) => x.month === m.month) ?? {};
		return {
			month: m.month,
			changes: num(r.changes),
			overrides: num(r.overrides),
			raised: num(r.raised),
			lowered: num(r.lowered),
			kept: num(r.kept)
		};
	});
}

export const FLAG_OUTCOMES = [...WORKFLOW_KINDS, 'dismissed', 'open'] as const;
export type FlagOutcome = (typeof FLAG_OUTCOMES)[number];

/**
 * Flags raised in the period by where they went (a workflow, dismissed, still open): how
 * many, the median working days to triage, and the share triaged by the deadline (of the
 * triaged and the open ones already past it). `trigger` narrows to one kind of flag.
 */
export async function flagsByOutcome(db: DbOrTx, s: Scope, trigger?: 'disagreement') {
	const b = bounds(s);
	const rows = await query<Record<string, unknown>>(
		db,
		s,
		() =>
			sql`select ${b.team(sql`x.team_id`)} x.outcome, count(*)::int as n,
				count(x.triaged_on)::int as triaged,
				percentile_cont(0.5) within group (order by ${wd(b.holidays, sql`x.raised_on`, sql`x.triaged_on`)})
					filter (where x.triaged_on is not null) as median_days,
				count(*) filter (where x.triaged_on <= x.due_on)::int as on_time,
				count(*) filter (where x.triaged_on is not null or x.due_on < ${b.today})::int as due
			from (
				select c.team_id, case when f.status = 'open' then 'open' when f.status = 'dismissed' then 'dismissed'
						else f.decided_workflow::text end as outcome,
					${fiDate(sql`f.raised_at`)} as raised_on, ${fiDate(sql`f.triaged_at`)} as triaged_on, f.due_on
				from flag f join child c on c.id = f.child_id
				where ${b.inTeams(sql`c.team_id`)} and f.raised_at >= ${b.fromTs} and f.raised_at < ${b.toTs}
					${trigger ? sql`and f.trigger = ${trigger}` : sql``}
			) x ${b.groupBy(sql`x.outcome`)}`
	);
	return FLAG_OUTCOMES.map((outcome) => {
		const r = rows.find((x) => x.outcome === outcome) ?? {};
		return {
			outcome,
			flags: num(r.n),
			triaged: num(r.triaged),
			medianDays: numOrNull(r.median_days),
			onTime: num(r.on_time),
			due: num(r.due)
		};
	});
}

/**
 * Reds each month (a `turned_red` flag is raised the moment a child turns red): how many,
 * and the median working days to the triage decision and to the first meeting that
 * discussed the child.
 */
export async function redResponseByMonth(db: DbOrTx, s: Scope) {
	const b = bounds(s);
	const rows = await query<Record<string, unknown>>(
		db,
		s,
		() =>
			sql`select ${b.team(sql`x.team_id`)} to_char(x.raised_at at time zone 'Europe/Helsinki', 'YYYY-MM') as month,
				count(*)::int as reds,
				count(x.triaged_on)::int as triaged,
				percentile_cont(0.5) within group (order by ${wd(b.holidays, sql`x.raised_on`, sql`x.triaged_on`)})
					filter (where x.triaged_on is not null) as to_triage,
				count(x.discussed_on)::int as discussed,
				percentile_cont(0.5) within group (order by ${wd(b.holidays, sql`x.raised_on`, sql`x.discussed_on`)})
					filter (where x.discussed_on is not null) as to_discussion
			from (
				select c.team_id, f.raised_at, ${fiDate(sql`f.raised_at`)} as raised_on,
					${fiDate(sql`f.triaged_at`)} as triaged_on, ${fiDate(sql`fd.starts_at`)} as discussed_on
				from flag f join child c on c.id = f.child_id
				-- A child's few discussions by its index, each meeting by its key, once per red
				-- (a lateral, not a subquery repeated in each aggregate that reads it).
				left join lateral (
					select min(t.starts_at) as starts_at from meeting_discussion d
					cross join lateral (select t.starts_at from team_meeting t
						where t.id = d.meeting_id and t.state <> 'planned'
						and t.starts_at >= ${fiStart(fiDate(sql`f.raised_at`))} limit 1) t
					where d.child_id = f.child_id
				) fd on true
				where ${b.inTeams(sql`c.team_id`)} and f.trigger = 'turned_red'
					and f.raised_at >= ${b.fromTs} and f.raised_at < ${b.toTs}
			) x ${b.groupBy(sql`month`)}`
	);
	return monthsOfScope(s).map((m) => {
		const r = rows.find((x) => x.month === m.month) ?? {};
		return {
			month: m.month,
			reds: num(r.reds),
			triaged: num(r.triaged),
			toTriage: numOrNull(r.to_triage),
			discussed: num(r.discussed),
			toDiscussion: numOrNull(r.to_discussion)
		};
	});
}

/** Consultations requested each month, and where they stand; days from request to held. */
export async function consultationsByMonth(db: DbOrTx, s: Scope) {
	const b = bounds(s);
	const rows = await query<Record<string, unknown>>(
		db,
		s,
		() =>
			sql`select ${b.team(sql`c.team_id`)} to_char(k.created_at at time zone 'Europe/Helsinki', 'YYYY-MM') as month,
				count(*)::int as requested,
				count(*) filter (where k.state in ('requested', 'scheduled'))::int as pending,
				count(*) filter (where k.state in ('held', 'closed'))::int as held,
				count(*) filter (where k.state = 'declined')::int as declined,
				percentile_cont(0.5) within group (order by ${wd(
					b.holidays,
					fiDate(sql`k.created_at`),
					fiDate(sql`k.scheduled_at`)
				)}) filter (where k.state in ('held', 'closed') and k.scheduled_at is not null) as median_days
			from consultation k join child c on c.id = k.child_id
			join organisation o on o.id = k.requester_organisation_id
			where ${b.inTeams(sql`c.team_id`)} and k.created_at >= ${b.fromTs} and k.created_at < ${b.toTs}
				${s.partnerKind ? sql`and o.kind = ${s.partnerKind}` : sql``}
			${b.groupBy(sql`month`)}`
	);
	return monthsOfScope(s).map((m) => {
		const r = rows.find((x) => x.month === m.month) ?? {};
		return {
			month: m.month,
			requested: num(r.requested),
			pending: num(r.pending),
			held: num(r.held),
			declined: num(r.declined),
			medianDays: numOrNull(r.median_days)
		};
	});
}

/**
 * Intensive workflows by kind: started and closed in the period, how the closed ones ended,
 * and how many of the closed children were placed within six months of the close (a
 * placement the team recorded on the child's path, or one in a unit in the system).
 */
export async function intensiveByKind(db: DbOrTx, s: Scope) {
	const b = bounds(s);
	const rows = await query<Record<string, unknown>>(
		db,
		s,
		() =>
			sql`select ${b.team(sql`c.team_id`)} w.kind::text as kind,
				count(*) filter (where w.activated_at >= ${b.fromTs} and w.activated_at < ${b.toTs})::int as started,
				count(*) filter (where w.closed_at >= ${b.fromTs} and w.closed_at < ${b.toTs})::int as closed,
				${sql.join(
					INTENSIVE_OUTCOMES.map(
						(o) =>
							sql`count(*) filter (where w.closed_at >= ${b.fromTs} and w.closed_at < ${b.toTs}
								and w.outcome = ${o})::int as ${sql.identifier(o)}`
					),
					sql`, `
				)},
				count(*) filter (where w.closed_at >= ${b.fromTs} and w.closed_at < ${b.toTs} and (
					exists (select 1 from phase_change p where p.child_id = w.child_id
						and p.placement_kind is not null and p.on >= ${fiDate(sql`w.closed_at`)}
						and p.on <= (${fiDate(sql`w.closed_at`)} + interval '6 months')::date)
					or exists (select 1 from placement pl where pl.child_id = w.child_id
						and pl.since >= ${fiDate(sql`w.closed_at`)}
						and pl.since <= (${fiDate(sql`w.closed_at`)} + interval '6 months')::date)))::int as placed
			from intensive_workflow w join child c on c.id = w.child_id
			where ${b.inTeams(sql`c.team_id`)}
				and ((w.activated_at >= ${b.fromTs} and w.activated_at < ${b.toTs})
					or (w.closed_at >= ${b.fromTs} and w.closed_at < ${b.toTs}))
			${b.groupBy(sql`w.kind`)}`
	);
	return INTENSIVE_KINDS.map((kind) => {
		const r = rows.find((x) => x.kind === kind) ?? {};
		return {
			kind,
			started: num(r.started),
			closed: num(r.closed),
			outcomes: Object.fromEntries(INTENSIVE_OUTCOMES.map((o) => [o, num(r[o])])) as Record<
				(typeof INTENSIVE_OUTCOMES)[number],
				number
			>,
			placed: num(r.placed)
		};
	});
}

/**
 * The method watching itself: the colour three months after an intensive workflow closed
 * in the period, by kind; those closed less than three months ago are counted apart.
 */
export async function colourAfterIntensive(db: DbOrTx, s: Scope) {
	const b = bounds(s);
	const rows = await query<Record<string, unknown>>(
		db,
		s,
		() =>
			sql`select ${b.team(sql`c.team_id`)} w.kind::text as kind, coalesce(h.colour, 'not_yet') as colour,
				count(*)::int as n
			from intensive_workflow w join child c on c.id = w.child_id
			left join lateral (
				select h.to_colour::text as colour from child_status_history h
				where h.child_id = w.child_id and h.at < w.closed_at + interval '3 months'
				order by h.at desc, h.seq desc limit 1
			) h on w.closed_at + interval '3 months' <= ${fiStart(sql`${addDays(s.today, 1)}::date`)}
			where ${b.inTeams(sql`c.team_id`)} and w.closed_at >= ${b.fromTs} and w.closed_at < ${b.toTs}
			${b.groupBy(sql`w.kind`, sql`coalesce(h.colour, 'not_yet')`)}`
	);
	return INTENSIVE_KINDS.map((kind) => {
		const of = (colour: string) => num(rows.find((r) => r.kind === kind && r.colour === colour)?.n);
		return {
			kind,
			red: of('red'),
			yellow: of('yellow'),
			green: of('green'),
			grey: of('grey'),
			notYet: of('not_yet')
		};
	});
}

export const CASELOAD_BANDS = ['under_15', '15_20', '21_30', 'over_30'] as const;

/**
 * Today's caseloads: how many responsible social workers carry how many children, against
 * the recommended 15–20 and the cap of 30 (13 b §).
 */
export async function caseloadBands(db: DbOrTx, s: Scope) {
	const b = bounds(s);
	const phases = sql`${`{${CASELOAD_PHASES.join(',')}}`}::child_phase[]`;
	// Set-based: the workers and the children they carry, each counted once by team, then
	// banded. A worker in two teams carries all their children in the total, so the total is
	// not a sum of the teams' rows: in a split read it is its own part of the same statement.
	const rows = await query<{ band: string; n: number }>(db, s, () => {
		const total = sql`select u.user_id, coalesce(t.n, 0) as n
			from (select distinct user_id from w) u
			left join (select user_id, sum(n) as n from k group by user_id) t on t.user_id = u.user_id`;
		return sql`with w as (
				select distinct m.team_id, m.user_id from membership m
				where ${b.inTeams(sql`m.team_id`)} and m.role in ('social_worker', 'consultant_social_worker')
			), k as (
				select c.team_id, c.responsible_worker_id as user_id, count(*)::int as n
				from child c
				where ${b.inTeams(sql`c.team_id`)} and c.phase = any(${phases})
					and c.responsible_worker_id is not null
				group by c.team_id, c.responsible_worker_id
			), loads as (
				${
					s.split
						? sql`select null::uuid as split_team, x.* from (${total}) x
							union all
							select w.team_id, w.user_id, coalesce(k.n, 0)
							from w left join k on k.team_id = w.team_id and k.user_id = w.user_id`
						: total
				}
			)
			select ${s.split ? sql`split_team, ` : sql``}case when n < 15 then 'under_15' when n <= 20 then '15_20'
				when n <= 30 then '21_30' else 'over_30' end as band, count(*)::int as n
			from loads group by ${s.split ? sql`split_team, 2` : sql`1`}`;
	});
	return CASELOAD_BANDS.map((band) => ({
		band,
		workers: num(rows.find((r) => r.band === band)?.n)
	}));
}

/** The 31st children the consultant confirmed in the period (13 b §). */
export async function caseloadConfirmations(db: DbOrTx, s: Scope) {
	const b = bounds(s);
	const [confirmed] = await query<{ n: number }>(
		db,
		s,
		() =>
			sql`select ${b.team(sql`c.team_id`)} count(*)::int as n
			from caseload_confirmation k join child c on c.id = k.child_id
			where ${b.inTeams(sql`c.team_id`)} and k.created_at >= ${b.fromTs} and k.created_at < ${b.toTs}
			${b.groupBy()}`
	);
	return num(confirmed?.n);
}

export const ASSESSING_KINDS = ORGANISATION_KINDS.filter((k) => k !== 'child_protection');

/**
 * Which partners actually assess: assessments received in the period by the kind of
 * organisation, and of the requests due in it (by today), how many were answered by the
 * due date.
 */
export async function assessmentsByPartnerKind(db: DbOrTx, s: Scope) {
	const b = bounds(s);
	const kindFilter = s.partnerKind ? sql`and o.kind = ${s.partnerKind}` : sql``;
	const rows = await query<Record<string, unknown>>(
		db,
		s,
		() =>
			sql`select ${b.team(sql`x.team_id`)} x.kind, sum(x.received)::int as received,
				sum(x.due)::int as due, sum(x.answered)::int as answered
			from (
				select c.team_id, o.kind::text as kind, 1 as received, 0 as due, 0 as answered
				from assessment a join child c on c.id = a.child_id
				join organisation o on o.id = a.organisation_id
				where ${b.inTeams(sql`c.team_id`)} and a.status = 'submitted'
					and a.submitted_at >= ${b.fromTs} and a.submitted_at < ${b.toTs} ${kindFilter}
				union all
				select c.team_id, o.kind::text, 0, 1,
					(r.status = 'completed' and ${fiDate(sql`r.completed_at`)} <= r.due_date)::int
				from assessment_request r join child c on c.id = r.child_id
				join organisation o on o.id = r.organisation_id
				where ${b.inTeams(sql`c.team_id`)} and r.status <> 'cancelled'
					and r.due_date between ${b.from} and ${b.to}
					and (r.due_date < ${b.today} or r.status = 'completed') ${kindFilter}
			) x ${b.groupBy(sql`x.kind`)}`
	);
	const kinds = s.partnerKind ? [s.partnerKind] : ASSESSING_KINDS;
	return kinds.map((kind) => {
		const r = rows.find((x) => x.kind === kind) ?? {};
		return { kind, received: num(r.received), due: num(r.due), answered: num(r.answered) };
	});
}

/** The team's meetings each month: held, children discussed, steps due and done. */
export async function meetingsByMonth(db: DbOrTx, s: Scope) {
	const b = bounds(s);
	const held = await query<Record<string, unknown>>(
		db,
		s,
		() =>
			sql`select ${b.team(sql`t.team_id`)} to_char(t.starts_at at time zone 'Europe/Helsinki', 'YYYY-MM') as month,
				count(distinct t.id)::int as meetings, count(distinct d.child_id)::int as children
			from team_meeting t left join meeting_discussion d on d.meeting_id = t.id
			where ${b.inTeams(sql`t.team_id`)} and t.state <> 'planned'
				and t.starts_at >= ${b.fromTs} and t.starts_at < ${b.toTs}
			${b.groupBy(sql`month`)}`
	);
	const steps = await query<Record<string, unknown>>(
		db,
		s,
		() =>
			sql`select ${b.team(sql`t.team_id`)} to_char(st.due_on, 'YYYY-MM') as month, count(*)::int as due,
				count(*) filter (where st.outcome = 'done')::int as done
			from meeting_step st join team_meeting t on t.id = st.meeting_id
			where ${b.inTeams(sql`t.team_id`)} and st.due_on between ${b.from} and ${b.to}
				and st.due_on < ${b.today}
			${b.groupBy(sql`month`)}`
	);
	return monthsOfScope(s).map((m) => {
		const h = held.find((x) => x.month === m.month) ?? {};
		const st = steps.find((x) => x.month === m.month) ?? {};
		return {
			month: m.month,
			meetings: num(h.meetings),
			children: num(h.children),
			stepsDue: num(st.due),
			stepsDone: num(st.done)
		};
	});
}

/**
 * THL's half-yearly follow-up of processing times, for any period: contacts received (by
 * the day received), decisions on starting a needs assessment made in the period within 7
 * working days or later, and needs assessments completed in it within 3 months or later.
 * A contact received on the period's last day counts here; its decision, made in the next
 * period, counts there.
 */
export async function thlFollowUp(db: DbOrTx, s: Scope) {
	const b = bounds(s);
	const [contacts] = await query<Record<string, unknown>>(
		db,
		s,
		() =>
			sql`select ${b.team(sql`c.team_id`)} count(*)::int as total,
				count(*) filter (where k.kind = 'notification')::int as notifications
			from case_contact k join child c on c.id = k.child_id
			where ${b.inTeams(sql`c.team_id`)} and k.received_on between ${b.from} and ${b.to}
			${b.groupBy()}`
	);
	const clocks = await query<Record<string, unknown>>(
		db,
		s,
		// Met in the half-year, on time or late; and still unmet at its end with the deadline
		// passed (on or before the last day): THL counts those as late too (§8).
		() =>
			sql`select ${b.team(sql`c.team_id`)} k.kind::text as kind,
				count(*) filter (where k.met_on between ${b.from} and ${b.to})::int as met,
				count(*) filter (where k.met_on between ${b.from} and ${b.to}
					and k.met_on <= k.due_on)::int as on_time,
				count(*) filter (where (k.met_on is null or k.met_on > ${b.to})
					and k.started_on <= ${b.to} and k.due_on <= ${b.to})::int as open_late
			from statutory_clock k join child c on c.id = k.child_id
			where ${b.inTeams(sql`c.team_id`)} and k.kind in ('decision', 'needs_assessment')
				and (k.met_on between ${b.from} and ${b.to}
					or ((k.met_on is null or k.met_on > ${b.to}) and k.due_on <= ${b.to}))
			${b.groupBy(sql`k.kind`)}`
	);
	const clock = (kind: string) => {
		const r = clocks.find((x) => x.kind === kind) ?? {};
		return {
			total: num(r.met) + num(r.open_late),
			onTime: num(r.on_time),
			openLate: num(r.open_late)
		};
	};
	return {
		contacts: num(contacts?.total),
		notifications: num(contacts?.notifications),
		decisions: clock('decision'),
		needsAssessments: clock('needs_assessment')
	};
}

/**
 * The family-level result by month (§11): each team meeting that discussed a child (closed)
 * and each client plan is one question to the family; answered when any family member
 * answered it. Answers of 4 or 5 count as "heard" and "clear". By the month of the
 * meeting or plan, so a late answer still counts where it belongs.
 */
export async function familyByMonth(db: DbOrTx, s: Scope) {
	const b = bounds(s);
	const rows = await query<Record<string, unknown>>(
		db,
		s,
		() =>
			sql`with ev as (
				select c.team_id, to_char(p.made_on, 'YYYY-MM') as month, p.child_id, p.id as subject
				from client_plan p join child c on c.id = p.child_id
				where ${b.inTeams(sql`c.team_id`)} and p.made_on between ${b.from} and ${b.to}
				union all
				select t.team_id, to_char(t.starts_at at time zone 'Europe/Helsinki', 'YYYY-MM'), d.child_id, t.id
				from meeting_discussion d join team_meeting t on t.id = d.meeting_id
				where ${b.inTeams(sql`t.team_id`)} and t.state = 'closed'
					and t.starts_at >= ${b.fromTs} and t.starts_at < ${b.toTs}
			), answers as (
				select ev.team_id, ev.month, ev.child_id, ev.subject, f.heard, f.clear
				from ev join family_feedback f on f.child_id = ev.child_id
					and coalesce(f.client_plan_id, f.meeting_id) = ev.subject
			)
			-- By team first: a (child, subject) pair belongs to one team (the plan's child's, the
			-- meeting's), so the teams' distinct counts add up to the total's.
			select ${b.team(sql`x.team_id`)} x.month, sum(asked)::int as asked, sum(answered)::int as answered,
				sum(answers)::int as answers, sum(heard)::int as heard, sum(clear)::int as clear
			from (
				select team_id, month, count(*) as asked, 0 as answered, 0 as answers, 0 as heard, 0 as clear
				from ev group by team_id, month
				union all
				select team_id, month, 0, count(distinct (child_id, subject)), count(*),
					count(*) filter (where heard >= 4), count(*) filter (where clear >= 4)
				from answers group by team_id, month
			) x ${b.groupBy(sql`x.month`)}`
	);
	return monthsOfScope(s).map((m) => {
		const r = rows.find((x) => x.month === m.month) ?? {};
		return {
			month: m.month,
			asked: num(r.asked),
			answered: num(r.answered),
			answers: num(r.answers),
			heard: num(r.heard),
			clear: num(r.clear)
		};
	});
}
