import { count, eq } from 'drizzle-orm';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { getDb, pool, POOL_MAX } from './db';
import { emailOutbox } from './db/schema';

/**
 * Metrics in Prometheus's format (issue 38), on the app's own registry: the process (memory,
 * event-loop delay, garbage collection), each request's duration by method, route pattern
 * and status, the background worker's runs, and the outbox's backlog (mail waiting to be
 * sent), read at scrape time. Route patterns only, never paths: a path holds ids. Served by
 * /metrics to the configured addresses only (server/http/metrics).
 */
export const registry = new Registry();
registry.setDefaultLabels({ service: 'yhteisarvio' });
collectDefaultMetrics({ register: registry });

const requests = new Histogram({
	name: 'http_request_duration_seconds',
	help: 'Time to answer a request, by method, route pattern and status.',
	labelNames: ['method', 'route', 'status'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
	registers: [registry]
});

export function observeRequest(method: string, route: string | null, status: number, ms: number) {
	requests.observe({ method, route: route ?? 'unmatched', status: String(status) }, ms / 1000);
}

new Gauge({
	name: 'outbox_pending_mails',
	help: 'Mails waiting in the outbox (not yet sent); growing means the mail server refuses.',
	registers: [registry],
	async collect() {
		const [row] = await (
			await getDb()
		)
			.select({ n: count() })
			.from(emailOutbox)
			.where(eq(emailOutbox.status, 'pending'));
		this.set(row?.n ?? 0);
	}
});

const workerRuns = new Counter({
	name: 'worker_runs_total',
	help: 'Runs of the background worker (notices, reminders, the outbox, leavers), by outcome.',
	labelNames: ['outcome'] as const,
	registers: [registry]
});
/** A duration without labels, in seconds. */
const seconds = (name: string, help: string, buckets: number[]) =>
	new Histogram({ name, help, buckets, registers: [registry] });

const workerDuration = seconds(
	'worker_run_duration_seconds',
	'Time one run of the background worker took.',
	[0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60]
);
const workerLastSuccess = new Gauge({
	name: 'worker_last_success_timestamp_seconds',
	help: 'When the background worker last finished a run without failing (Unix time); alert when it falls behind.',
	registers: [registry]
});

/** One run of the worker: its outcome and how long it took. */
export function observeWorkerRun(outcome: 'ok' | 'failed', ms: number, at = new Date()) {
	workerRuns.inc({ outcome });
	workerDuration.observe(ms / 1000);
	if (outcome === 'ok') workerLastSuccess.set(at.getTime() / 1000);
}

// The PostgreSQL pool (the embedded database has one connection and no pool).
new Gauge({
	name: 'db_pool_max_connections',
	help: 'Connections the instance may open to PostgreSQL.',
	registers: [registry],
	collect() {
		this.set(POOL_MAX);
	}
});
new Gauge({
	name: 'db_pool_transactions_open',
	help: 'Transactions holding a pooled connection now; at the maximum, requests queue.',
	registers: [registry],
	collect() {
		this.set(pool.transactionsOpen);
	}
});
const poolWait = seconds(
	'db_pool_wait_seconds',
	'Time a transaction waited for a pooled connection; growing means the pool is too small.',
	[0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5]
);
const poolHeld = seconds(
	'db_pool_held_seconds',
	'Time a transaction held its pooled connection.',
	[0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5]
);
pool.listeners.push((wait, held) => {
	poolWait.observe(wait);
	poolHeld.observe(held);
});
