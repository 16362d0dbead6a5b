import { defineConfig } from '@playwright/test';
import { chromiumPath } from './scripts/chromium.js';
import { freePortSync } from './scripts/free-port.js';
import { TEST_ENCRYPTION_KEY } from './src/lib/server/testing/test-key';

// System Chromium (Debian's packages): Playwright cannot download its own browser here.
// `npm run test:e2e` installs it first where it is missing (scripts/chromium.js).
const executablePath = chromiumPath();

// Ports chosen free for each run unless given, so two runs on one machine never meet. Set
// here once: the test workers inherit the runner's environment, so they read the same.
const PORT = Number((process.env.E2E_PORT ??= String(freePortSync())));
const MAIL_PORT = Number((process.env.E2E_MAIL_PORT ??= String(freePortSync())));
// The demo's identity provider beside the app (scripts/start.js), for signing in with an
// organisation's account (DOMAIN §12).
const PROVIDER_PORT = Number((process.env.E2E_PROVIDER_PORT ??= String(freePortSync())));
export const MAIL_FILE = '.mail-e2e/mails.jsonl';

export default defineConfig({
	testDir: 'tests/e2e',
	// Tests run side by side: each works on its own demo children, and a test that changes
	// an account's saved language or signs it out signs in as that account itself.
	fullyParallel: true,
	workers: Number(process.env.E2E_WORKERS ?? 2),
	projects: [
		{ name: 'sign-in', testMatch: 'auth.setup.ts' },
		{ name: 'browser', testMatch: '**/*.test.ts', dependencies: ['sign-in'] }
	],
	retries: 0,
	timeout: 60_000,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'fi-FI',
		// A trace records every action (a third of the suite's time): on request only.
		trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
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
		// A local mail sink receives what the outbox sends (tests/e2e/mail-sink.js); the demo's
		// identity provider runs beside the app (scripts/start.js, DEMO_PROVIDER).
		command: `rm -rf .data-e2e .mail-e2e .auth-e2e && (node tests/e2e/mail-sink.js &) && node scripts/build-if-stale.js && node scripts/start.js`,
		env: {
			DATA_DIR: '.data-e2e',
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			SEED_DEMO: 'true',
			SMTP_URL: `smtp://127.0.0.1:${MAIL_PORT}`,
			MAIL_SINK_PORT: String(MAIL_PORT),
			MAIL_SINK_FILE: MAIL_FILE,
			WORKER_INTERVAL: '1',
			DEMO_PROVIDER: 'true',
			DEMO_PROVIDER_PORT: String(PROVIDER_PORT),
			// A fixed key for the test server only (needed when it runs on DATABASE_URL).
			ENCRYPTION_KEY: TEST_ENCRYPTION_KEY
		},
		url: `http://localhost:${PORT}/login`,
		reuseExistingServer: false,
		timeout: 240_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
