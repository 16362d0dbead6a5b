/**
 * `npm run bench:reports`: the reports (§8) for a whole region, against their floors.
 * Seeds a region into its own PostgreSQL database (never the app's; reseeded when the size
 * asked for differs), then times `readReport` as the /reports page calls it, interleaved
 * with a floor of one hand-written aggregate over the same scope and a round trip. Prints
 * p50/p95, the ratio to the floor, each figure on its own, and the load average. Not a
 * test: nothing here passes or fails.
 *
 *   npm run bench:reports -- --teams 100 --children 150 --assessments 10 --rounds 30
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { interleave, printRatios } from './bench-timing';
import { seedRegion } from './bench-reports-seed';

const { values: args } = parseArgs({
	options: {
		teams: { type: 'string', default: '100' },
		children: { type: 'string', default: '150' },
		assessments: { type: 'string', default: '10' },
		rounds: { type: 'string', default: '30' }
	}
});
const size = {
	teams: Number(args.teams),
	childrenPerTeam: Number(args.children),
	assessmentsPerChild: Number(args.assessments)
};
const ROUNDS = Number(args.rounds);
const url = new URL(
	process.env.BENCH_REPORTS_DATABASE_URL ??
		'postgres://postgres@127.0.0.1:5432/yhteisarvio_bench_reports'
);
const dbName = url.pathname.slice(1);
if (!/^[a-z0-9_]+$/.test(dbName)) throw new Error('BENCH_REPORTS_DATABASE_URL: a plain name');
const sizeTag = `${size.teams}x${size.childrenPerTeam}x${size.assessmentsPerChild}`;

const admin = postgres({
	host: url.hostname,
	port: Number(url.port || 5432),
	username: decodeURIComponent(url.username || 'postgres'),
	password: url.password ? decodeURIComponent(url.password) : undefined,
	database: 'postgres',
	onnotice: () => {}
});
const [exists] = await admin`select shobj_description(oid, 'pg_database') as tag
	from pg_database where datname = ${dbName}`;
const reseed = exists?.tag !== sizeTag;
if (exists && reseed) await admin.unsafe(`drop database ${dbName} with (force)`);
if (reseed) await admin.unsafe(`create database ${dbName}`);

process.env.DATABASE_URL = url.toString();
// The region is made up: the tests' fixed key seals what needs sealing.
process.env.ENCRYPTION_KEY ??= (
	await import('../src/lib/server/testing/test-key')
).TEST_ENCRYPTION_KEY;
const { getDb, closeDb } = await import('../src/lib/server/db');
const { readReport } = await import('../src/lib/server/features/reports');
const { FIGURE_KEYS } = await import('../src/lib/domain/report-figures');
const { periodOf } = await import('../src/lib/domain/reports');
const { helsinkiDate } = await import('../src/lib/domain/access');
const f = await import('../src/lib/server/testing/fixtures');

const db = await getDb(); // migrates
const raw = postgres(url.toString(), { max: 2, onnotice: () => {} });
if (reseed) {
	const t0 = Date.now();
	await seedRegion(raw, size);
	await admin.unsafe(`comment on database ${dbName} is '${sizeTag}'`);
	console.info(`seeded ${sizeTag} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
await admin.end();
// As the worker of a running instance would have: each ended month's colours kept (ADR 047).
const { keepMonthColours } = await import('../src/lib/server/features/status');
const keptMonths = await keepMonthColours(db);
if (keptMonths) console.info(`kept the colours of ${keptMonths} month ends`);

const counts = await raw`select
	(select count(*) from team)::int as teams, (select count(*) from child)::int as children,
	(select count(*) from assessment)::int as assessments,
	(select count(*) from child_status_history)::int as history, (select count(*) from flag)::int as flags,
	(select count(*) from team_meeting)::int as meetings,
	(select count(*) from meeting_discussion)::int as discussions,
	(select count(*) from phase_change)::int as phases, (select count(*) from statutory_clock)::int as clocks`;
console.info('region:', counts[0]);

const [manager] = await raw`select id from "user" where email = 'johto@bench.example'`;
const [coordinator] = await raw`select user_id as id, team_id from membership
	where role = 'coordinator' order by team_id limit 1`;
const region = await f.staffOf(manager!.id as string);
const oneTeam = await f.staffOf(coordinator!.id as string);
const teamIds = (await raw`select id from team`).map((r) => r.id as string);

const today = helsinkiDate();
// The last quarter that has ended: the region sees whole ended quarters only (§8 revised);
// a team sees its own figures exactly, over any period.
const running = periodOf('quarter', today);
const dayBefore = new Date(`${running.from}T12:00:00Z`);
dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
const quarter = periodOf('quarter', dayBefore.toISOString().slice(0, 10));
const yearStart = new Date(`${today.slice(0, 7)}-01T12:00:00Z`);
yearStart.setUTCMonth(yearStart.getUTCMonth() - 11);
const year = periodOf('custom', yearStart.toISOString().slice(0, 10), today);
const all = { teamId: null, partnerKind: null };

/**
 * The floor: one hand-written aggregate over the scope's largest table for the period, in
 * its fastest form (the submitted rows only, so the partial index serves it; the teams as a
 * semi-join). The page runs thirteen figures, so a ratio near 13 means each costs about
 * what the simplest count does.
 */
const floor = (from: string, to: string) => () =>
	raw`select count(*) from assessment a join child c on c.id = a.child_id
		where c.team_id in (select unnest(${teamIds}::uuid[])) and a.status = 'submitted'
			and a.submitted_at >= ${from}::date and a.submitted_at < ${to}::date + 1`;

const cases: Record<string, () => Promise<unknown>> = {
	'select 1': () => raw`select 1`,
	'floor: the quarter’s assessments counted (SQL)': floor(quarter.from, quarter.to),
	'reports page, region, quarter': () =>
		readReport(db, region, { ...all, period: quarter }, 'system'),
	'reports page, one team, quarter': () =>
		readReport(db, oneTeam, { ...all, period: quarter }, 'system'),
	'floor: 12 months’ assessments counted (SQL)': floor(year.from, year.to),
	'reports page, one team, 12 months': () =>
		readReport(db, oneTeam, { ...all, period: year }, 'system'),
	'THL page, region, quarter': () => readReport(db, region, { ...all, period: quarter }, ['thl'])
};
const floors: Record<string, string> = {
	'reports page, region, quarter': 'floor: the quarter’s assessments counted (SQL)',
	'reports page, one team, quarter': 'floor: the quarter’s assessments counted (SQL)',
	'reports page, one team, 12 months': 'floor: 12 months’ assessments counted (SQL)',
	'THL page, region, quarter': 'floor: the quarter’s assessments counted (SQL)'
};
for (const key of FIGURE_KEYS)
	cases[`  figure ${key}, region, quarter`] = () =>
		readReport(db, region, { ...all, period: quarter }, [key]);

const { times, load } = await interleave(cases, ROUNDS, 3);
console.info(
	`\n${sizeTag} (teams × children × assessments), ${ROUNDS} rounds, quarter ${quarter.from}–${quarter.to}, ` +
		`12 months ${year.from}–${year.to}, load average ${load.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}\n`
);
printRatios(times, floors, 1);
await raw.end();
await closeDb();
