import { afterEach, describe, expect, it } from 'vitest';
import { GET } from '../../../routes/metrics/+server';
import { db } from '../testing/fixtures';
import { metricsAllowed, observeRequest } from './metrics';

/* eslint-disable @typescript-eslint/no-explicit-any -- the handler called without a full event */

const scrape = (address: string) =>
	(GET as any)({ getClientAddress: () => address, locals: { requestId: 'r' } }).catch(
		(e: unknown) => e
	) as Promise<Response | { status: number }>;

afterEach(() => {
	delete process.env.METRICS_ALLOW;
});

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
});
