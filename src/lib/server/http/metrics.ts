import { count, eq } from 'drizzle-orm';
import { Histogram, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { getDb } from '../db';
import { emailOutbox } from '../db/schema';
import { readEnv } from '../env';

/**
 * Metrics in Prometheus's format (issue 38), on the app's own registry: the process (memory,
 * event-loop delay, garbage collection), each request's duration by method, route pattern
 * and status, and the outbox's backlog (mail waiting to be sent), read at scrape time. Route
 * patterns only, never paths: a path holds ids.
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

export function observeRequest(method: string, route: string | null, status: number, ms: number) {
	requests.observe({ method, route: route ?? 'unmatched', status: String(status) }, ms / 1000);
}

/**
 * Who may read the metrics: the addresses in METRICS_ALLOW (comma-separated), e.g. the
 * monitoring server's. Unset: nobody, and /metrics answers 404 like a page that is not there.
 */
export function metricsAllowed(address: string, allow = readEnv().METRICS_ALLOW ?? ''): boolean {
	const list = allow
		.split(',')
		.map((a) => a.trim())
		.filter(Boolean);
	// An IPv4 address may arrive in its IPv6 form (::ffff:10.0.0.5).
	const plain = address.replace(/^::ffff:/, '');
	return list.includes(address) || list.includes(plain);
}
