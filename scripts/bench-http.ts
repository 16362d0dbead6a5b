/**
 * `npm run bench:http`: the built app over HTTP, two instances on the benchmark's
 * database (run `npm run bench` first to seed it, and `npm run build`). Requests go round
 * robin to both instances with one session, as behind a balancer; each page is measured
 * against a trivial signed-in page, with 1 and 10 clients, and each server's memory is
 * read at the end. The instances run as docs/deploy.md starts them (a 256 MB heap cap).
 * Not a test: nothing here passes or fails.
 *
 *   npm run bench:http -- --seconds 20
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import postgres from 'postgres';

const { values: args } = parseArgs({ options: { seconds: { type: 'string', default: '15' } } });
const SECONDS = Number(args.seconds);
const url =
	process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/yhteisarvio_bench';
if (!existsSync('build/handler.js')) throw new Error('no build: run `npm run build` first');

process.env.DATABASE_URL = url;
const { TEST_ENCRYPTION_KEY } = await import('../src/lib/server/testing/test-key');
process.env.ENCRYPTION_KEY ??= TEST_ENCRYPTION_KEY;
const raw = postgres(url, { max: 2, onnotice: () => {} });
const [seeded] = await raw`select count(*)::int as n from child`.catch(() => [{ n: 0 }]);
if (!seeded?.n) throw new Error('the benchmark database is empty: run `npm run bench` first');
const [w] = await raw`select c.responsible_worker_id as worker from child c
	where c.family_name like 'Suku%' limit 1`;
const [page] = await raw`select id from child where family_name = 'Sivu' limit 1`;

const { getDb, closeDb } = await import('../src/lib/server/db');
const { createSession } = await import('../src/lib/server/auth/session');
const { token } = await createSession(await getDb(), w!.worker as string);

// Ports of this run's own (two runs on one machine never meet).
const { freePort } = await import('./free-port.js');
const PORTS = [await freePort(), await freePort()];
const servers: ChildProcess[] = PORTS.map((port) =>
	spawn(process.execPath, ['--max-old-space-size=256', 'scripts/server.js'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			// No mail server on a bench: what must go by mail goes to a folder of this run's.
			MAIL_DIR: process.env.MAIL_DIR ?? mkdtempSync(join(tmpdir(), 'yhteisarvio-bench-mail-'))
		},
		stdio: ['ignore', 'ignore', 'inherit']
	})
);
const stop = () => servers.forEach((s) => s.kill('SIGTERM'));
process.on('exit', stop);

async function ready(port: number) {
	for (let i = 0; i < 120; i++) {
		const ok = await fetch(`http://localhost:${port}/readyz`)
			.then((r) => r.ok)
			.catch(() => false);
		if (ok) return;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`instance on ${port} did not become ready`);
}
await Promise.all(PORTS.map(ready));

let turn = 0;
async function get(path: string) {
	const port = PORTS[turn++ % PORTS.length]!;
	const res = await fetch(`http://localhost:${port}${path}`, {
		headers: { cookie: `session=${token}` },
		redirect: 'manual'
	});
	const body = await res.text();
	if (res.status !== 200) throw new Error(`${path} on ${port}: ${res.status}`);
	return body.length;
}

const cases: Record<string, string> = {
	'trivial signed-in page (/account)': '/account',
	'team dashboard (/)': '/',
	...(page ? { 'child page, 30 assessments': `/children/${page.id as string}` } : {})
};

const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

async function load(path: string, clients: number, seconds: number) {
	const lat: number[] = [];
	let bytes = 0;
	const end = performance.now() + seconds * 1000;
	await Promise.all(
		Array.from({ length: clients }, async () => {
			while (performance.now() < end) {
				const t0 = performance.now();
				bytes = await get(path);
				lat.push(performance.now() - t0);
			}
		})
	);
	return { perSecond: lat.length / seconds, p50: pct(lat, 50), p95: pct(lat, 95), bytes };
}

// Warm up both instances on every page.
for (const path of Object.values(cases)) for (let i = 0; i < 20; i++) await get(path);

const results: Record<string, Record<number, Awaited<ReturnType<typeof load>>>> = {};
for (const clients of [1, 10])
	for (const [name, path] of Object.entries(cases)) {
		(results[name] ??= {})[clients] = await load(path, clients, SECONDS / 2);
	}

const trivial = results['trivial signed-in page (/account)']!;
console.info(`\ntwo instances, one session, ${SECONDS / 2} s per case and client count\n`);
console.info(
	'| page | clients | per second | p50 ms | p95 ms | × trivial (per second) | HTML KB |'
);
console.info('|---|---|---|---|---|---|---|');
for (const [name, byClients] of Object.entries(results))
	for (const [clients, r] of Object.entries(byClients))
		console.info(
			`| ${name} | ${clients} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ` +
				`${(r.perSecond / trivial[Number(clients)]!.perSecond).toFixed(2)} | ${(r.bytes / 1024).toFixed(0)} |`
		);

// Resident memory of each instance after the runs (Linux).
for (const [i, s] of servers.entries()) {
	const status = existsSync(`/proc/${s.pid}/status`)
		? readFileSync(`/proc/${s.pid}/status`, 'utf8')
		: '';
	const rss = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
	console.info(
		`instance ${i + 1} (port ${PORTS[i]}): rss ${rss ? (Number(rss) / 1024).toFixed(0) : '?'} MB`
	);
}
stop();
await raw.end();
await closeDb();
