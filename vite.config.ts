import { availableParallelism } from 'node:os';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig(({ command }) => ({
	plugins: [
		// Under Vitest the messages compiled by `npm install` (prepare) are used; the plugin's
		// file watcher would otherwise keep Vitest from exiting.
		!process.env.VITEST &&
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				// No locale in URLs: the choice lives in a cookie and the user's profile.
				strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
				// A module per message lets the build keep only the messages a page uses (the
				// JavaScript budget, ADR 025); elsewhere one module per language, as `npm install`
				// and the unit tests compile them: four modules to load, not one per message
				// (ADR 050).
				outputStructure: command === 'build' ? 'message-modules' : 'locale-modules'
			}),
		sveltekit()
	],
	build: {
		rolldownOptions: {
			treeshake: {
				// superforms' adapter index imports every validator library it supports, and the
				// two it installs stayed in the server's output as bare imports: adapter-node then
				// parsed all of them (a quarter of the build) to drop them again. Only its Zod
				// adapter is used (src/lib/server/http/forms.ts).
				moduleSideEffects: [
					{ test: /^(typebox|zod-v3-to-json-schema)$/, external: true, sideEffects: false }
				]
			}
		}
	},
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		globalSetup: ['./src/lib/server/testing/global-setup.ts'],
		setupFiles: ['./src/lib/server/testing/setup.ts'],
		// Files run in parallel, each worker on a database of its own (ADR 017).
		fileParallelism: true,
		isolate: false,
		experimental: { fsModuleCache: true },
		maxWorkers: Math.max(2, availableParallelism()),
		expect: { requireAssertions: true },
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
}));
