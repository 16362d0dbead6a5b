/**
 * `npm run bench`: the app's hot paths against their floors, on a region of its own.
 *
 * Every run makes a fresh PostgreSQL database (dropped at the end, unless --keep), so no
 * run inherits another's rows. The region is the shape a welfare region has: teams of
 * about 150 children and one of 3,000, two years of records (assessments with ratings,
 * colour history, flags, workflows, the child's path, clocks, weekly meetings, guardians)
 * and a filled access log, written in bulk SQL (`bench-reports-seed.ts`). What a case
 * writes goes through the app: submits replay `saveAssessment`, and the child with 30
 * assessments is made by it.
 *
 * Three blocks, each with the load average at its start and end:
 *   1. one client: each case interleaved with its own floor (hand-written SQL doing the
 *      same reads and the same log write), p50 and p95 and both ratios;
 *   2. 10 and 50 clients: each case and its floor take turns, throughput and p95 of both;
 *   3. over HTTP (needs `npm run build`): two instances on free ports, as docs/deploy.md
 *      starts them, each page against a trivial signed-in page at 1 and 10 clients, and
 *      each instance's memory at the end.
 * Not a test: nothing here passes or fails.
 *
 *   npm run bench -- --children 10000 --rounds 100 --seconds 10
 *
 * BENCH_DATABASE_URL names the server (its database part is the prefix of the run's own).
 */
import { loadavg } from 'node:os';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import postgres, { type Sql } from 'postgres';
import { interleave, pct, printRatios } from './bench-timing';
import { seedRegion } from './bench-reports-seed';
import { httpBench } from './bench-http';

const { values: args } = parseArgs({
	options: {
		children: { type: 'string', default: '10000' },
		rounds: { type: 'string', default: '100' },
		seconds: { type: 'string', default: '10' },
		keep: { type: 'boolean', default: false },
		'skip-http': { type: 'boolean', default: false },
		// Only the in-process cases whose name contains this (`--only submit`); all when absent.
		only: { type: 'string' }
	}
});
const CHILDREN = Number(args.children);
const ROUNDS = Number(args.rounds);
// A city's team of 3,000 (a third of a small set), the rest in teams of 150.
const FIRST_TEAM = Math.min(3000, Math.floor(CHILDREN / 3));
const PER_TEAM = 150;
const TEAMS = 1 + Math.max(1, Math.ceil((CHILDREN - FIRST_TEAM) / PER_TEAM));
// The partner whose home is measured sees this many children of the large team.
const PARTNER_SEES = Math.min(2000, FIRST_TEAM);

const base = new URL(
	process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/yhteisarvio_bench'
);
const prefix = base.pathname.slice(1) || 'yhteisarvio_bench';
if (!/^[a-z0-9_]+$/.test(prefix)) throw new Error('BENCH_DATABASE_URL: a plain database name');
const dbName = `${prefix}_${process.pid}`;
const url = new URL(base);
url.pathname = `/${dbName}`;

const admin = postgres({ ...connectionOf(base), database: 'postgres', onnotice: () => {} });
await admin.unsafe(`create database ${dbName}`);
const dropDatabase = async () => {
	if (args.keep) console.info(`\nkept: ${url.toString()}`);
	else await admin.unsafe(`drop database if exists ${dbName} with (force)`);
	await admin.end();
};

const block = (title: string) => {
	const [one, five] = loadavg();
	console.info(`\n## ${title} (load average ${one!.toFixed(2)}, ${five!.toFixed(2)})\n`);
};

try {
	await run();
} finally {
	await dropDatabase();
}

async function run() {
	process.env.DATABASE_URL = url.toString();
	// The bench's data is made up: the tests' fixed key seals its factors.
	process.env.ENCRYPTION_KEY ??= (
		await import('../src/lib/server/testing/test-key')
	).TEST_ENCRYPTION_KEY;
	const { getDb, closeDb } = await import('../src/lib/server/db');
	const f = await import('../src/lib/server/testing/fixtures');
	// As the server does at start: a saved assessment's status change raises its flags.
	await import('../src/lib/server/features/listeners');
	const { saveAssessment, contentFromForm } =
		await import('../src/lib/server/features/assessments/assessments');
	const { teamDashboard } = await import('../src/lib/server/features/dashboard/dashboard');
	const { partnerInbox } = await import('../src/lib/server/features/grants/grants');
	const { childPage } = await import('../src/lib/server/features/child-page');

	const db = await getDb(); // migrates the new database
	const raw = postgres(url.toString(), { max: 10, onnotice: () => {} });
	try {
		const started = Date.now();
		await seedRegion(raw, {
			teams: TEAMS,
			childrenPerTeam: PER_TEAM,
			firstTeam: FIRST_TEAM,
			assessmentsPerChild: 3,
			logRowsPerChild: 40
		});
		const w = await world(raw, f, saveAssessment);
		await raw`vacuum analyze`;
		const [size] = await raw`select (select count(*) from child)::int as children,
			(select count(*) from assessment)::int as assessments,
			(select count(*) from access_log)::int as log`;
		console.info(
			`# ${size!.children} children in ${TEAMS - 1} teams of ${PER_TEAM} and one of ${FIRST_TEAM}; ` +
				`${size!.assessments} assessments, ${size!.log} access-log rows; ` +
				`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`
		);

		const floors = floorsOf(raw, w);
		const small = await f.staffOf(w.smallWorker);
		const big = await f.staffOf(w.bigWorker);
		const partner = await f.staffOf(w.partnerUser);
		const pageCtx = await f.contextOf(w.smallWorker, w.pageChild);
		let n = 0;
		const submit = async () => {
			const id = w.partnerChildren[n++ % w.partnerChildren.length]!;
			const ctx = await f.contextOf(w.partnerUser, id);
			return saveAssessment(db, ctx, {
				...f.submission({ r_L2: '1' }),
				content: contentFromForm({ familyInformed: 'yes', r_L2: String(n % 4) })
			});
		};
		const all = { colour: null, workerId: null, signal: null } as const;
		// Each case beside its own floor: [case, floor].
		const pairs: Record<string, [() => Promise<unknown>, () => Promise<unknown>]> = {
			'dashboard, team of 150': [
				() => teamDashboard(db, small, { ...all, page: 1 }),
				() => floors.dashboard(w.smallTeam, w.smallWorker, null, 1)
			],
			'dashboard, team of 3,000': [
				() => teamDashboard(db, big, { ...all, page: 1 }),
				() => floors.dashboard(w.bigTeam, w.bigWorker, null, 1)
			],
			'team of 3,000, page 2, yellow': [
				() => teamDashboard(db, big, { ...all, colour: 'yellow', page: 2 }),
				() => floors.dashboard(w.bigTeam, w.bigWorker, 2, 2)
			],
			[`partner home (${PARTNER_SEES} children)`]: [
				() => partnerInbox(db, partner, { page: 1 }),
				floors.inbox
			],
			'child page, 30 assessments': [() => childPage(db, pageCtx), floors.childPage],
			'assessment submit': [submit, () => floors.insert(w.partnerChildren[n++ % PARTNER_SEES]!)]
		};

		for (const name of Object.keys(pairs))
			if (args.only && !name.includes(args.only)) delete pairs[name];

		block(`1. one client, ${ROUNDS} rounds, each case interleaved with its floor`);
		const cases: Record<string, () => Promise<unknown>> = { 'select 1': () => raw`select 1` };
		const floorOf: Record<string, string> = {};
		for (const [name, [path, floor]] of Object.entries(pairs)) {
			cases[name] = path;
			cases[`${name}: floor`] = floor;
			floorOf[name] = `${name}: floor`;
		}
		const { times } = await interleave(cases, ROUNDS, 5);
		printRatios(times, floorOf, 2);

		block('2. concurrent clients, each case taking turns with its floor');
		// The bench process's CPU per call is the app's own work (and its driver's) for one
		// request, which the machine's load moves far less than it moves throughput.
		console.info(
			'| case | clients | per second | floor per second | × floor | p95 ms | floor p95 ms | app CPU ms per call |'
		);
		console.info('|---|---:|---:|---:|---:|---:|---:|---:|');
		for (const [name, [path, floor]] of Object.entries(pairs))
			for (const clients of [10, 50]) {
				const calls = Math.max(4, Math.round(300 / clients));
				const a = { lat: [] as number[], ms: 0, cpu: 0 };
				const b = { lat: [] as number[], ms: 0, cpu: 0 };
				// Three turns each, alternating, so both see the same load.
				for (let turn = 0; turn < 3; turn++) {
					await concurrent(path, clients, calls, a);
					await concurrent(floor, clients, calls, b);
				}
				const rate = (x: typeof a) => (x.lat.length / x.ms) * 1000;
				console.info(
					`| ${name} | ${clients} | ${rate(a).toFixed(0)} | ${rate(b).toFixed(0)} | ` +
						`${(rate(a) / rate(b)).toFixed(2)} | ${pct(a.lat, 95).toFixed(1)} | ${pct(b.lat, 95).toFixed(1)} | ` +
						`${(a.cpu / 1000 / a.lat.length).toFixed(2)} |`
				);
			}

		if (args['skip-http']) console.info('\n(HTTP block skipped: --skip-http)');
		else if (!existsSync('build/handler.js'))
			console.info('\n(HTTP block skipped: no build; run `npm run build` first)');
		else {
			block(`3. over HTTP, two instances, ${args.seconds} s per page and client count`);
			await httpBench({
				url: url.toString(),
				seconds: Number(args.seconds),
				sessions: { worker: w.smallWorker, partner: w.partnerUser },
				pageChild: w.pageChild
			});
		}
		block('end');
		const mem = process.memoryUsage();
		console.info(
			`bench process: rss ${(mem.rss / 1024 ** 2).toFixed(0)} MB, heap used ${(mem.heapUsed / 1024 ** 2).toFixed(0)} MB`
		);
	} finally {
		await raw.end();
		await closeDb();
	}
}

type World = {
	smallTeam: string;
	smallWorker: string;
	bigTeam: string;
	bigWorker: string;
	partnerOrg: string;
	partnerUser: string;
	partnerChildren: string[];
	pageChild: string;
};

/** Who the cases act as, and what the app itself adds to the bulk-written region. */
async function world(
	raw: Sql,
	f: typeof import('../src/lib/server/testing/fixtures'),
	saveAssessment: typeof import('../src/lib/server/features/assessments/assessments').saveAssessment
): Promise<World> {
	const workerOf = async (teamName: string) => {
		const [r] = await raw`select t.id as team, m.user_id as worker from team t
			join membership m on m.team_id = t.id and m.role = 'social_worker'
			where t.name = ${teamName} order by m.user_id limit 1`;
		return { team: r!.team as string, worker: r!.worker as string };
	};
	const small = await workerOf('Tiimi 002');
	const big = await workerOf('Tiimi 001');
	// A school that sees PARTNER_SEES children of the large team.
	const [p] = await raw`select o.id as org, m.user_id from organisation o
		join membership m on m.organisation_id = o.id where o.name = 'Kumppani school-1'`;
	const partnerChildren = (
		await raw`insert into access_grant (child_id, organisation_id, basis, valid_from, valid_until, granted_by)
			select c.id, ${p!.org}, 'statutory_request', '2020-01-01', '2099-12-31', ${big.worker}
			from child c where c.team_id = ${big.team} order by c.id limit ${PARTNER_SEES}
			returning child_id`
	).map((r) => r.child_id as string);
	// A child of the small team assessed by 30 partners, through the app's rules.
	const pageChild = (
		await f.makeChild(small.team, { familyName: 'Sivu', responsibleWorkerId: small.worker })
	).id;
	const partners = await raw`select o.id, m.user_id from organisation o
		join membership m on m.organisation_id = o.id
		where o.kind <> 'child_protection' and o.name <> 'Kumppani school-1' order by o.name limit 30`;
	for (const [i, x] of partners.entries()) {
		await f.makeGrant(pageChild, x.id as string, small.worker);
		await saveAssessment(
			await f.db(),
			await f.contextOf(x.user_id as string, pageChild),
			f.submission({ r_S1: String(i % 4), r_L1: String((i + 1) % 4) })
		);
	}
	return {
		smallTeam: small.team,
		smallWorker: small.worker,
		bigTeam: big.team,
		bigWorker: big.worker,
		partnerOrg: p!.org as string,
		partnerUser: p!.user_id as string,
		partnerChildren,
		pageChild
	};
}

/** The floors: the same reads and the same log write, in hand-written SQL. */
function floorsOf(raw: Sql, w: World) {
	return {
		/**
		 * A team's dashboard page (optionally one severity) with its open-flag marks, its
		 * figures, the shown children's nearest deadlines, the worker filter's choices and
		 * its log row.
		 */
		async dashboard(team: string, actor: string, severity: number | null, page: number) {
			await raw.begin(async (sql) => {
				const rows = await sql`
					select c.id, c.team_id, c.given_name, c.family_name, u.display_name,
						coalesce(s.override_colour, s.colour) as colour, s.signals, s.reasons, s.changed_at,
						coalesce((select true from flag f where f.child_id = c.id and f.status = 'open' limit 1), false) as open_flag,
						coalesce((select true from flag f where f.child_id = c.id and f.status = 'open'
							and f.due_on < current_date limit 1), false) as overdue_flag
					from child_status s join child c on c.id = s.child_id
					left join "user" u on u.id = c.responsible_worker_id
					where s.team_id = ${team} and (${severity}::int is null or s.severity = ${severity}::int)
					order by s.severity desc, s.changed_at desc, s.child_id
					limit 50 offset ${(page - 1) * 50}`;
				const ids = sql.array(rows.map((r) => r.id as string));
				// The page's figures: colours, late flags, notifications not yet assessed.
				await sql`select (select json_object_agg(severity, n) from (select s.severity, count(*) as n
						from child_status s where s.team_id = ${team} group by 1) x),
					(select count(*) from flag f join child c on c.id = f.child_id
						where c.team_id = ${team} and f.status = 'open' and f.due_on < current_date),
					(select count(*) from case_contact k join child c on c.id = k.child_id
						where c.team_id = ${team} and k.kind = 'notification' and k.urgent is null
							and k.decision is null)`;
				// Each shown child's nearest open statutory deadline.
				await sql`select distinct on (child_id) child_id, kind, due_on from statutory_clock
					where child_id = any(${ids}::uuid[]) and met_on is null order by child_id, due_on`;
				// The worker filter's choices: the team's active people.
				await sql`select u.id, u.display_name from membership m join "user" u on u.id = m.user_id
					where m.team_id = ${team} and m.approved_at is not null and u.active
					order by u.display_name`;
				await sql`insert into access_log (actor_user_id, action, entity_type, child_ids, basis, outcome)
					values (${actor}, 'list', 'child', ${ids}::uuid[], 'team', 'allowed')`;
			});
		},
		/** A partner's page of 50 children it may see, with its log row. */
		async inbox() {
			await raw.begin(async (sql) => {
				const rows = await sql`select c.id, c.given_name, c.family_name from child c
					where exists (select 1 from access_grant g where g.child_id = c.id
						and g.organisation_id = ${w.partnerOrg} and g.revoked_at is null)
					order by c.family_name, c.given_name, c.id limit 50`;
				await sql`insert into access_log (actor_user_id, action, entity_type, child_ids, basis, outcome)
					values (${w.partnerUser}, 'list', 'child', ${sql.array(rows.map((r) => r.id as string))}::uuid[], 'statutory_request', 'allowed')`;
			});
		},
		/** The child, status, assessments and flags, one log row. */
		async childPage() {
			await raw.begin(async (sql) => {
				await sql`select c.*, u.display_name from child c left join "user" u on u.id = c.responsible_worker_id
					where c.id = ${w.pageChild}`;
				await sql`select * from child_status where child_id = ${w.pageChild}`;
				const rows =
					await sql`select a.id, a.status, a.submitted_at, a.ratings, o.name, u.display_name
					from assessment a join organisation o on o.id = a.organisation_id join "user" u on u.id = a.author_id
					where a.child_id = ${w.pageChild} order by a.submitted_at desc`;
				await sql`select id, status, due_on from flag where child_id = ${w.pageChild}`;
				await sql`insert into access_log (actor_user_id, action, entity_type, child_id, entity_ids, basis, outcome)
					values (${w.smallWorker}, 'read', 'assessment', ${w.pageChild}, ${sql.array(rows.map((r) => r.id as string))}::text[], 'team', 'allowed')`;
			});
		},
		/** One submitted assessment row, nothing derived. */
		async insert(childId: string) {
			await raw`insert into assessment (child_id, organisation_id, author_id, instrument_version, status, ratings, submitted_at)
				values (${childId}, ${w.partnerOrg}, ${w.partnerUser}, '1', 'submitted', '{}'::jsonb, now())`;
		}
	};
}

/**
 * Clients run `call` back to back; adds each call's time, the wall time and this process's
 * CPU time (µs) to `into`.
 */
async function concurrent(
	call: () => Promise<unknown>,
	clients: number,
	perClient: number,
	into: { lat: number[]; ms: number; cpu: number }
) {
	const c0 = process.cpuUsage();
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: clients }, async () => {
			for (let i = 0; i < perClient; i++) {
				const s0 = performance.now();
				await call();
				into.lat.push(performance.now() - s0);
			}
		})
	);
	into.ms += performance.now() - t0;
	const c = process.cpuUsage(c0);
	into.cpu += c.user + c.system;
}

function connectionOf(u: URL) {
	return {
		host: u.hostname,
		port: Number(u.port || 5432),
		username: decodeURIComponent(u.username || 'postgres'),
		password: u.password ? decodeURIComponent(u.password) : undefined
	};
}
