import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// System Chromium (Debian's package): Playwright cannot download its own browser here.
const executablePath =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.test.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'fi-FI',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		// The production build on a fresh embedded database, as a newcomer runs it; with
		// DATABASE_URL set the same server runs on that database and seeds the demo data.
		command: `rm -rf .data-e2e && npm run build && node build`,
		env: {
			DATA_DIR: '.data-e2e',
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			SEED_DEMO: 'true'
		},
		url: `http://localhost:${PORT}/login`,
		reuseExistingServer: false,
		timeout: 240_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
