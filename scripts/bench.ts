/**
 * `npm run bench`: seeds a scale set into its own PostgreSQL database (never the app's),
 * then measures the app's hot paths interleaved against their floors and prints p50/p95,
 * the ratio to the floor and the load average. Not a test: nothing here passes or fails.
 *
 *   npm run bench -- --children 2000 --rounds 200
 *
 * BENCH_DATABASE_URL names the database (default: yhteisarvio_bench on the local server;
 * it is created when missing and reseeded when its size differs). Seeding replays every
 * assessment through `saveAssessment`, so statuses, flags and log rows are the app's own.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { interleave, pct, printRatios } from './bench-timing';

const { values: args } = parseArgs({
	options: {
		children: { type: 'string', default: '2000' },
		rounds: { type: 'string', default: '200' }
	}
});
const CHILDREN = Number(args.children);
const ROUNDS = Number(args.rounds);
const url = new URL(
	process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/yhteisarvio_bench'
);
const dbName = url.pathname.slice(1);
if (!/^[a-z0-9_]+$/.test(dbName)) throw new Error('BENCH_DATABASE_URL: a plain database name');

// A fresh database when the size asked for differs from what is there.
const admin = postgres({ ...connectionOf(url), database: 'postgres', onnotice: () => {} });
const [exists] = await admin`select 1 from pg_database where datname = ${dbName}`;
let reseed = !exists;
if (exists) {
	const probe = postgres(url.toString(), { max: 1, onnotice: () => {} });
	const [row] =
		await probe`select count(*)::int as n from child where family_name like 'Suku%'`.catch(() => [
			{ n: -1 }
		]);
	await probe.end();
	reseed = row?.n !== CHILDREN;
	if (reseed) await admin.unsafe(`drop database ${dbName} with (force)`);
}
if (reseed) await admin.unsafe(`create database ${dbName}`);
await admin.end();

process.env.DATABASE_URL = url.toString();
// The bench's data is made up: the tests' fixed key seals its factors.
process.env.ENCRYPTION_KEY ??= (
	await import('../src/lib/server/testing/test-key')
).TEST_ENCRYPTION_KEY;
const { getDb, closeDb } = await import('../src/lib/server/db');
const f = await import('../src/lib/server/testing/fixtures');
// As the server does at start: a saved assessment's status change raises its flags (ADR 038).
await import('../src/lib/server/features/listeners');
const { saveAssessment } = await import('../src/lib/server/features/assessments/assessments');
const { teamDashboard } = await import('../src/lib/server/features/dashboard/dashboard');
const { partnerInbox } = await import('../src/lib/server/features/grants/grants');
const { childPage } = await import('../src/lib/server/features/child-page');
const { accessGrant, child } = await import('../src/lib/server/db/schema');

const db = await getDb();
const raw = postgres(url.toString(), { max: 4, onnotice: () => {} });

type World = {
	worker: string;
	teacher: string;
	school: string;
	team: string;
	childIds: string[];
};

async function seed(): Promise<World> {
	const started = Date.now();
	const cp = await f.makeOrg('child_protection');
	const t = await f.makeTeam(cp.id);
	const worker = (
		await f.makeUser('consultant_social_worker', { organisationId: cp.id, teamId: t.id })
	).user.id;
	const school = await f.makeOrg('school');
	const teacher = (await f.makeUser('partner', { organisationId: school.id })).user.id;
	const childIds: string[] = [];
	for (let i = 0; i < CHILDREN; i += 1000) {
		const rows = await db
			.insert(child)
			.values(
				Array.from({ length: Math.min(1000, CHILDREN - i) }, (_, k) => ({
					teamId: t.id,
					responsibleWorkerId: worker,
					givenName: `Lapsi${i + k}`,
					familyName: `Suku${String(i + k).padStart(6, '0')}`,
					dateOfBirth: '2014-05-05',
					homeMunicipality: 'Järvelä'
				}))
			)
			.returning({ id: child.id });
		childIds.push(...rows.map((r) => r.id));
		await db.insert(accessGrant).values(
			rows.map((r) => ({
				childId: r.id,
				organisationId: school.id,
				basis: 'statutory_request' as const,
				validFrom: '2020-01-01',
				validUntil: '2099-12-31',
				grantedBy: worker
			}))
		);
	}
	// Every child assessed once by the school, through the app's rules: a mix of colours.
	const forms = [{ r_S1: '0' }, { r_S1: '1' }, { r_S1: '2' }, { r_S1: '3' }, { r_L1: '1' }];
	for (const [i, id] of childIds.entries()) {
		const ctx = await f.contextOf(teacher, id);
		await saveAssessment(db, ctx, f.submission(forms[i % forms.length]!));
	}
	console.info(`seeded ${CHILDREN} children in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	return { worker, teacher, school: school.id, team: t.id, childIds };
}

async function existingWorld(): Promise<World> {
	const [w] = await raw`select c.responsible_worker_id as worker, g.organisation_id as school,
			c.team_id as team
		from child c join access_grant g on g.child_id = c.id limit 1`;
	const [t] =
		await raw`select user_id from membership where organisation_id = ${w!.school} limit 1`;
	const ids = await raw`select id from child where family_name like 'Suku%' order by family_name`;
	return {
		worker: w!.worker as string,
		school: w!.school as string,
		teacher: t!.user_id as string,
		team: w!.team as string,
		childIds: ids.map((r) => r.id as string)
	};
}

const world = reseed ? await seed() : await existingWorld();
// Fresh statistics, as autovacuum would have them on a database that grew over time.
await raw`analyze`;
const { contentFromForm } = await import('../src/lib/server/features/assessments/assessments');

/** The dashboard's page as hand-written SQL, its 50 log rows included: the floor. */
async function dashboardFloor() {
	await raw.begin(async (sql) => {
		const rows = await sql`
			select c.id, c.team_id, c.given_name, c.family_name, u.display_name,
				coalesce(s.override_colour, s.colour) as colour, s.signals, s.changed_at
			from child c join child_status s on s.child_id = c.id
			left join "user" u on u.id = c.responsible_worker_id
			where s.team_id = ${world.team}
			order by s.severity desc, s.changed_at desc, s.child_id
			limit 50`;
		await sql`select s.severity, count(*) from child_status s where s.team_id = ${world.team} group by 1`;
		const ids = rows.map((r) => r.id as string);
		await sql`insert into access_log (actor_user_id, action, entity_type, child_ids, basis, outcome)
			values (${world.worker}, 'list', 'child', ${sql.array(ids)}::uuid[], 'team', 'allowed')`;
	});
}

/** A partner's page of 50 children, as hand-written SQL with its log rows. */
async function inboxFloor() {
	await raw.begin(async (sql) => {
		const rows = await sql`select c.id, c.given_name, c.family_name from child c
			where exists (select 1 from access_grant g where g.child_id = c.id
				and g.organisation_id = ${world.school} and g.revoked_at is null)
			order by c.family_name, c.given_name, c.id limit 50`;
		const ids = rows.map((r) => r.id as string);
		await sql`insert into access_log (actor_user_id, action, entity_type, child_ids, basis, outcome)
			values (${world.teacher}, 'list', 'child', ${sql.array(ids)}::uuid[], 'statutory_request', 'allowed')`;
	});
}

/** One submitted assessment row, nothing derived: the floor of a submission. */
async function insertFloor(childId: string) {
	await raw`insert into assessment (child_id, organisation_id, author_id, instrument_version, status, ratings, submitted_at)
		values (${childId}, ${world.school}, ${world.teacher}, 'bench', 'submitted', '{}'::jsonb, now())`;
}

/** A child assessed by 30 organisations, for the child's page (made once per database). */
async function pageChild(): Promise<string> {
	const [found] = await raw`select id from child where family_name = 'Sivu' limit 1`;
	if (found) return found.id as string;
	const c = await f.makeChild(world.team, {
		familyName: 'Sivu',
		responsibleWorkerId: world.worker
	});
	for (let i = 0; i < 30; i++) {
		const org = await f.makeOrg(i % 2 ? 'school' : 'child_health_clinic');
		const author = (await f.makeUser('partner', { organisationId: org.id })).user.id;
		await f.makeGrant(c.id, org.id, world.worker);
		await saveAssessment(
			db,
			await f.contextOf(author, c.id),
			f.submission({ r_S1: String(i % 4) })
		);
	}
	return c.id;
}
const pageChildId = await pageChild();
await raw`analyze`;

/** The child's page as hand-written SQL: the child, status, assessments, flags, one log row. */
async function childPageFloor() {
	await raw.begin(async (sql) => {
		await sql`select c.*, u.display_name from child c left join "user" u on u.id = c.responsible_worker_id
			where c.id = ${pageChildId}`;
		await sql`select * from child_status where child_id = ${pageChildId}`;
		const rows = await sql`select a.id, a.status, a.submitted_at, a.ratings, o.name, u.display_name
			from assessment a join organisation o on o.id = a.organisation_id join "user" u on u.id = a.author_id
			where a.child_id = ${pageChildId} order by a.submitted_at desc`;
		await sql`select id, status, due_on from flag where child_id = ${pageChildId}`;
		const ids = rows.map((r) => r.id as string);
		await sql`insert into access_log (actor_user_id, action, entity_type, child_id, entity_ids, basis, outcome)
			values (${world.worker}, 'read', 'assessment', ${pageChildId}, ${sql.array(ids)}::text[], 'team', 'allowed')`;
	});
}

const teamViewer = await f.viewerOf(world.worker);
const pageCtx = await f.contextOf(world.worker, pageChildId);
const partnerViewer = await f.viewerOf(world.teacher);
let n = 0;
const cases: Record<string, () => Promise<unknown>> = {
	'select 1': () => raw`select 1`,
	'dashboard floor (SQL)': dashboardFloor,
	dashboard: () =>
		teamDashboard(db, teamViewer, { colour: null, workerId: null, signal: null, page: 1 }),
	'dashboard page 2, yellow': () =>
		teamDashboard(db, teamViewer, { colour: 'yellow', workerId: null, signal: null, page: 2 }),
	'partner home floor (SQL)': inboxFloor,
	'partner home': () => partnerInbox(db, partnerViewer, { page: 1 }),
	'child page floor (SQL)': childPageFloor,
	'child page, 30 assessments': () => childPage(db, pageCtx),
	'submit floor (INSERT)': () => insertFloor(world.childIds[n++ % world.childIds.length]!),
	'assessment submit': async () => {
		const id = world.childIds[n++ % world.childIds.length]!;
		const ctx = await f.contextOf(world.teacher, id);
		return saveAssessment(db, ctx, {
			...f.submission({ r_L2: '1' }),
			content: contentFromForm({ familyInformed: 'yes', r_L2: '1' })
		});
	}
};
const floors: Record<string, string> = {
	dashboard: 'dashboard floor (SQL)',
	'dashboard page 2, yellow': 'dashboard floor (SQL)',
	'partner home': 'partner home floor (SQL)',
	'child page, 30 assessments': 'child page floor (SQL)',
	'assessment submit': 'submit floor (INSERT)'
};

// Warm up, then interleave: every round runs each case once, so load and caches are shared.
const { times, load } = await interleave(cases, ROUNDS, 5);
console.info(
	`\n${CHILDREN} children, ${ROUNDS} rounds, load average ${load.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}\n`
);
printRatios(times, floors, 2);
// Concurrent clients: each runs the case back to back; throughput and p95 over all calls.
// One instance's pool (10 connections) serves them, as it would behind a balancer.
async function concurrent(run: () => Promise<unknown>, clients: number, perClient: number) {
	const lat: number[] = [];
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: clients }, async () => {
			for (let i = 0; i < perClient; i++) {
				const s0 = performance.now();
				await run();
				lat.push(performance.now() - s0);
			}
		})
	);
	return { perSecond: (lat.length / (performance.now() - t0)) * 1000, p95: pct(lat, 95) };
}
console.info('\n| case | clients | per second | p95 ms |');
console.info('|---|---|---|---|');
for (const name of ['dashboard', 'child page, 30 assessments', 'assessment submit', 'select 1'])
	for (const clients of [10, 50]) {
		const r = await concurrent(cases[name]!, clients, Math.max(4, Math.round(400 / clients)));
		console.info(`| ${name} | ${clients} | ${r.perSecond.toFixed(0)} | ${r.p95.toFixed(1)} |`);
	}

// The access log's size per million page views: the growth of all its partitions over a
// run of dashboard views (each one list row of 50 children), scaled.
const logBytes = async () => {
	const [r] =
		await raw`select coalesce(sum(pg_total_relation_size(inhrelid)), 0)::bigint as b from pg_inherits
			where inhparent = 'access_log'::regclass`;
	return Number(r!.b);
};
const VIEWS = 2000;
// The shape before ADR 026 for comparison: one row per child shown, in the same table.
const ids = world.childIds.slice(0, 50);
const perChildBefore = await logBytes();
for (let i = 0; i < VIEWS / 10; i++)
	await raw`insert into access_log (actor_user_id, action, entity_type, entity_id, child_id, basis, outcome)
		select ${world.worker}, 'list', 'child', x::text, x, 'team', 'allowed'
		from unnest(${raw.array(ids)}::uuid[]) as x`;
const perChild = ((await logBytes()) - perChildBefore) / (VIEWS / 10);
console.info(
	`\naccess log, one row per child shown (before): ${perChild.toFixed(0)} bytes per view, ` +
		`${((perChild * 1e6) / 1024 ** 3).toFixed(2)} GB per million views`
);
const before = await logBytes();
for (let i = 0; i < VIEWS; i++) await cases['dashboard']!();
const grown = (await logBytes()) - before;
console.info(
	`access log, one row per list view (now): ${(grown / VIEWS).toFixed(0)} bytes per dashboard view (rows and indexes), ` +
		`${(((grown / VIEWS) * 1e6) / 1024 ** 3).toFixed(2)} GB per million views`
);
const mem = process.memoryUsage();
console.info(
	`bench process after the runs: rss ${(mem.rss / 1024 ** 2).toFixed(0)} MB, heap used ${(mem.heapUsed / 1024 ** 2).toFixed(0)} MB`
);

await raw.end();
await closeDb();

function connectionOf(u: URL) {
	return {
		host: u.hostname,
		port: Number(u.port || 5432),
		username: decodeURIComponent(u.username || 'postgres'),
		password: u.password ? decodeURIComponent(u.password) : undefined
	};
}
