import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { afterEach, describe, expect, it } from 'vitest';
import { startTracing, type Tracing } from './tracing';

let tracing: Tracing | null = null;
afterEach(async () => {
	await tracing?.shutdown();
	tracing = null;
});

/** A span as SvelteKit starts its root span for a request. */
function request(url: string, route: string) {
	trace
		.getTracer('sveltekit')
		.startActiveSpan(
			'sveltekit.handle.root',
			{ attributes: { 'http.url': url, 'http.route': route, 'http.method': 'GET' } },
			(span) => span.end()
		);
}

describe('traces (issue 38)', () => {
	it('sets up nothing without an endpoint', () => {
		expect(startTracing({})).toBeNull();
	});

	it('keeps the origin and route pattern of an address, never its ids or query', async () => {
		const exporter = new InMemorySpanExporter();
		tracing = startTracing({}, exporter);
		request('https://yhteisarvio.example/children/4f1c?q=Virtanen', '/children/[childId]');
		await tracing!.flush();
		const [span] = exporter.getFinishedSpans();
		expect(span?.name).toBe('sveltekit.handle.root');
		expect(span?.attributes['http.url']).toBe('https://yhteisarvio.example/children/[childId]');
		expect(JSON.stringify(span?.attributes)).not.toContain('Virtanen');
	});

	it('sends the spans over OTLP/HTTP to the configured collector', async () => {
		const bodies: string[] = [];
		const collector = createServer((req, res) => {
			let body = '';
			req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
			req.on('end', () => {
				bodies.push(`${req.method} ${req.url} ${body}`);
				res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
			});
		});
		await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = collector.address() as AddressInfo;
			tracing = startTracing({
				OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
				OTEL_SERVICE_NAME: 'yhteisarvio-test'
			});
			request('http://localhost/login?next=%2Fchildren', '/login');
			await tracing!.flush();
			expect(bodies).toHaveLength(1);
			expect(bodies[0]).toMatch(/^POST \/v1\/traces /);
			expect(bodies[0]).toContain('sveltekit.handle.root');
			expect(bodies[0]).toContain('yhteisarvio-test');
			expect(bodies[0]).not.toContain('next=');
		} finally {
			collector.close();
		}
	});
});
