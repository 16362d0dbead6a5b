import { availableParallelism } from 'node:os';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		// Under Vitest the messages compiled by `npm install` (prepare) are used; the plugin's
		// file watcher would otherwise keep Vitest from exiting.
		!process.env.VITEST &&
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				// No locale in URLs: the choice lives in a cookie and the user's profile.
				strategy: ['cookie', 'preferredLanguage', 'baseLocale']
			}),
		sveltekit()
	],
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		globalSetup: ['./src/lib/server/testing/global-setup.ts'],
		setupFiles: ['./src/lib/server/testing/setup.ts'],
		// Files run in parallel, each worker on a database of its own (ADR 017).
		fileParallelism: true,
		isolate: false,
		maxWorkers: Math.max(2, availableParallelism()),
		expect: { requireAssertions: true },
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
