import { startTracing } from '$lib/server/tracing';

// Loaded before the app (kit.experimental.instrumentation): traces when the deployment asks
// for them with OTEL_EXPORTER_OTLP_ENDPOINT (docs/deploy.md), otherwise nothing.
startTracing(process.env);
