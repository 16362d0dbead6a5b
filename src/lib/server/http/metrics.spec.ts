import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GET } from '../../../routes/metrics/+server';
import { observeWorkerRun } from '../metrics';
import { db } from '../testing/fixtures';
import { sample } from '../testing/metrics';
import { startWorker, stopWorker } from '../worker';
import { metricsAllowed, observeRequest, registry } from './metrics';

/* eslint-disable @typescript-eslint/no-explicit-any -- the handler called without a full event */

const scrape = (address: string) =>
	(GET as any)({ getClientAddress: () => address, locals: { requestId: 'r' } }).catch(
		(e: unknown) => e
	) as Promise<Response | { status: number }>;

afterEach(() => {
	delete process.env.METRICS_ALLOW;
	delete process.env.MAIL_DIR;
});

/** The worker's run count by outcome, as a scraper reads it. */
const workerRuns = (outcome: 'ok' | 'failed') =>
	sample(`worker_runs_total{outcome="${outcome}",service="yhteisarvio"}`);

describe('/metrics (issue 38)', () => {
	it('answers only the configured addresses; nobody when none is configured', async () => {
		expect(metricsAllowed('10.0.0.5', '')).toBe(false);
		expect(metricsAllowed('10.0.0.5', '10.0.0.4, 10.0.0.5')).toBe(true);
		expect(metricsAllowed('::ffff:10.0.0.5', '10.0.0.5')).toBe(true);
		expect(metricsAllowed('10.0.0.50', '10.0.0.5')).toBe(false);
		expect(await scrape('127.0.0.1')).toMatchObject({ status: 404 });
		process.env.METRICS_ALLOW = '10.0.0.5';
		expect(await scrape('127.0.0.1')).toMatchObject({ status: 404 });
	});

	it('gives request durations by route pattern, the outbox backlog and the process', async () => {
		await db();
		observeRequest('GET', '/children/[childId]', 200, 12);
		process.env.METRICS_ALLOW = '127.0.0.1';
		const res = (await scrape('127.0.0.1')) as Response;
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/plain');
		const text = await res.text();
		const counts = text
			.split('\n')
			.filter((l) => l.startsWith('http_request_duration_seconds_count'));
		expect(
			counts.some((l) => l.includes('route="/children/[childId]"') && l.includes('status="200"'))
		).toBe(true);
		expect(text).toMatch(/outbox_pending_mails\{service="yhteisarvio"\} \d+/);
		expect(text).toContain('process_resident_memory_bytes');
	});

	it('counts the worker’s runs by outcome and says when it last succeeded', async () => {
		const at = new Date('2026-12-06T08:00:00Z');
		const failed = await workerRuns('failed');
		observeWorkerRun('failed', 40, at);
		expect(await workerRuns('failed')).toBe(failed + 1);
		observeWorkerRun('ok', 12, at);
		expect(await registry.getSingleMetricAsString('worker_last_success_timestamp_seconds')).toMatch(
			new RegExp(
				`worker_last_success_timestamp_seconds\\{service="yhteisarvio"\\} ${at.getTime() / 1000}`
			)
		);
	});

	it('records each run of the real worker', async () => {
		await db();
		// Nothing is sent anywhere: mail that falls due goes to a folder of the test's own.
		process.env.MAIL_DIR = mkdtempSync(join(tmpdir(), 'worker-metrics-'));
		const before = await workerRuns('ok');
		startWorker();
		try {
			await expect.poll(() => workerRuns('ok'), { timeout: 10_000 }).toBe(before + 1);
		} finally {
			stopWorker();
		}
	});
});
