/**
 * The HTTP block of `npm run bench`: the built app, two instances on the bench's database
 * as docs/deploy.md starts them (a 256 MB heap cap), each on a free port. Requests go round
 * robin to both with one session per person, as behind a balancer; each page is measured
 * against a trivial signed-in page of the same person at 1 and 10 clients, and each
 * instance's memory is read at the end.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { pct } from './bench-timing';

export type HttpBench = {
	url: string;
	seconds: number;
	/** User ids: a team worker (dashboard, child page) and a partner (its home). */
	sessions: { worker: string; partner: string };
	pageChild: string;
};

export async function httpBench(o: HttpBench) {
	const { getDb } = await import('../src/lib/server/db');
	const { createSession } = await import('../src/lib/server/auth/session');
	const db = await getDb();
	const cookie = async (userId: string) => `session=${(await createSession(db, userId)).token}`;
	const worker = await cookie(o.sessions.worker);
	const partner = await cookie(o.sessions.partner);

	const { freePort } = await import('./free-port.js');
	const ports = [await freePort(), await freePort()];
	const servers: ChildProcess[] = ports.map((port) =>
		spawn(process.execPath, ['--max-old-space-size=256', 'scripts/server.js'], {
			env: {
				...process.env,
				DATABASE_URL: o.url,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: `http://localhost:${port}`,
				// No mail server on a bench: what must go by mail goes to a folder of this run's.
				MAIL_DIR: mkdtempSync(join(tmpdir(), 'yhteisarvio-bench-mail-'))
			},
			stdio: ['ignore', 'ignore', 'inherit']
		})
	);
	const stop = () => servers.forEach((s) => s.kill('SIGTERM'));
	process.on('exit', stop);
	try {
		await Promise.all(ports.map(ready));
		let turn = 0;
		const get = async (path: string, session: string) => {
			const port = ports[turn++ % ports.length]!;
			const res = await fetch(`http://localhost:${port}${path}`, {
				headers: { cookie: session },
				redirect: 'manual'
			});
			const body = await res.text();
			if (res.status !== 200) throw new Error(`${path} on ${port}: ${res.status}`);
			return body.length;
		};
		// Each page with the trivial page of the same person.
		const cases: [name: string, path: string, session: string, trivial: string][] = [
			['trivial signed-in page (/account), worker', '/account', worker, ''],
			['team dashboard (/)', '/', worker, 'trivial signed-in page (/account), worker'],
			[
				'child page, 30 assessments',
				`/children/${o.pageChild}`,
				worker,
				'trivial signed-in page (/account), worker'
			],
			['trivial signed-in page (/account), partner', '/account', partner, ''],
			['partner home (/)', '/', partner, 'trivial signed-in page (/account), partner']
		];
		for (const [, path, session] of cases) for (let i = 0; i < 20; i++) await get(path, session);

		const load = async (path: string, session: string, clients: number) => {
			const lat: number[] = [];
			let bytes = 0;
			const end = performance.now() + (o.seconds / 2) * 1000;
			await Promise.all(
				Array.from({ length: clients }, async () => {
					while (performance.now() < end) {
						const t0 = performance.now();
						bytes = await get(path, session);
						lat.push(performance.now() - t0);
					}
				})
			);
			return {
				perSecond: lat.length / (o.seconds / 2),
				p50: pct(lat, 50),
				p95: pct(lat, 95),
				bytes
			};
		};
		const results = new Map<string, Awaited<ReturnType<typeof load>>>();
		for (const clients of [1, 10])
			for (const [name, path, session] of cases)
				results.set(`${name}|${clients}`, await load(path, session, clients));

		console.info(
			'| page | clients | per second | p50 ms | p95 ms | × trivial (per second) | × trivial (p95) | HTML KB |'
		);
		console.info('|---|---:|---:|---:|---:|---:|---:|---:|');
		for (const clients of [1, 10])
			for (const [name, , , trivial] of cases) {
				const r = results.get(`${name}|${clients}`)!;
				const t = trivial ? results.get(`${trivial}|${clients}`)! : null;
				console.info(
					`| ${name} | ${clients} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ` +
						`${t ? (r.perSecond / t.perSecond).toFixed(2) : ''} | ${t ? (r.p95 / t.p95).toFixed(2) : ''} | ` +
						`${(r.bytes / 1024).toFixed(0)} |`
				);
			}
		// Resident memory of each instance after the runs (Linux).
		for (const [i, s] of servers.entries()) {
			const status = existsSync(`/proc/${s.pid}/status`)
				? readFileSync(`/proc/${s.pid}/status`, 'utf8')
				: '';
			const rss = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
			console.info(
				`instance ${i + 1}: rss ${rss ? (Number(rss) / 1024).toFixed(0) : '?'} MB after the run`
			);
		}
	} finally {
		stop();
		await Promise.all(
			servers.map((s) => new Promise((r) => (s.exitCode === null ? s.once('exit', r) : r(0))))
		);
	}
}

async function ready(port: number) {
	for (let i = 0; i < 240; i++) {
		const ok = await fetch(`http://localhost:${port}/readyz`)
			.then((r) => r.ok)
			.catch(() => false);
		if (ok) return;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`instance on ${port} did not become ready`);
}
