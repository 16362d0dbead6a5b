import { context, trace, type Context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
	BatchSpanProcessor,
	TracerProvider,
	type ReadableSpan,
	type Span,
	type SpanExporter,
	type SpanProcessor
} from '@opentelemetry/sdk-trace';

/**
 * OpenTelemetry traces (issue 38, docs/deploy.md): SvelteKit's own spans for the `handle`
 * hook, each load and each action (`kit.experimental.tracing`), sent over OTLP/HTTP to
 * OTEL_EXPORTER_OTLP_ENDPOINT. Unset: nothing is set up and the spans cost nothing.
 *
 * SvelteKit puts the request's full address on its root span (`http.url`); a query string
 * may carry what a person typed (a name searched for), so only the origin and the path
 * pattern are kept, as in the request log.
 */
export type Tracing = { flush(): Promise<void>; shutdown(): Promise<void> };

export function startTracing(
	env: { OTEL_EXPORTER_OTLP_ENDPOINT?: string; OTEL_SERVICE_NAME?: string },
	exporter?: SpanExporter
): Tracing | null {
	const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
	if (!endpoint && !exporter) return null;
	const provider = new TracerProvider({
		resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? 'yhteisarvio' }),
		spanProcessors: [
			new AddressRedactor(),
			new BatchSpanProcessor({
				exporter:
					exporter ?? new OTLPTraceExporter({ url: `${endpoint!.replace(/\/$/, '')}/v1/traces` })
			})
		]
	});
	context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
	trace.setGlobalTracerProvider(provider);
	const shutdown = async () => {
		await provider.shutdown();
		trace.disable();
		context.disable();
	};
	// The last spans go out before the process stops (scripts/server.js on SIGTERM).
	process.once('sveltekit:shutdown', () => void shutdown());
	return { flush: () => provider.forceFlush(), shutdown };
}

/** Rewrites a span's address to its origin and route pattern, before any exporter sees it. */
class AddressRedactor implements SpanProcessor {
	onStart(span: Span, _parent: Context): void {
		const address = span.attributes['http.url'];
		if (typeof address !== 'string') return;
		const route = span.attributes['http.route'];
		let origin = '';
		try {
			origin = new URL(address).origin;
		} catch {
			// Not an address: nothing of it is kept.
		}
		span.setAttribute('http.url', `${origin}${typeof route === 'string' ? route : ''}`);
	}
	onEnd(_span: ReadableSpan): void {}
	forceFlush(): Promise<void> {
		return Promise.resolve();
	}
	shutdown(): Promise<void> {
		return Promise.resolve();
	}
}
