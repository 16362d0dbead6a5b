import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// The server tells a navigating browser which route a path is, so no page ships the
		// whole route table (ADR 042).
		router: { resolution: 'server' },
		// OpenTelemetry spans for the hook, loads and actions, sent only when the deployment
		// sets OTEL_EXPORTER_OTLP_ENDPOINT (src/instrumentation.server.ts, docs/deploy.md).
		experimental: {
			tracing: { server: true },
			instrumentation: { server: true }
		},
		// The TypeScript scripts (benchmarks, the operator's commands) and the configs are
		// type-checked with the app: a renamed helper must break them at check time, not
		// when somebody next runs them.
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push('../scripts/**/*.ts', '../*.config.ts');
			}
		},
		// Nonce-based CSP on every server-rendered page; no inline scripts are ever allowed.
		csp: {
			mode: 'nonce',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'base-uri': ['none'],
				'object-src': ['none'],
				'frame-ancestors': ['none']
			}
		}
		// SvelteKit's default origin check stays on: form posts from other sites are refused.
	}
};

export default config;
