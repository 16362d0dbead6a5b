import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { TEST_ENCRYPTION_KEY } from './src/lib/server/testing/test-key';

// System Chromium (Debian's package): Playwright cannot download its own browser here.
const executablePath =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const PORT = Number(process.env.E2E_PORT ?? 4173);
const MAIL_PORT = PORT + 1000;
export const MAIL_FILE = '.mail-e2e/mails.jsonl';

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
		// A local mail sink receives what the outbox sends (tests/e2e/mail-sink.js).
		command: `rm -rf .data-e2e .mail-e2e && (node tests/e2e/mail-sink.js &) && npm run build && node scripts/server.js`,
		env: {
			DATA_DIR: '.data-e2e',
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			SEED_DEMO: 'true',
			SMTP_URL: `smtp://127.0.0.1:${MAIL_PORT}`,
			MAIL_SINK_PORT: String(MAIL_PORT),
			MAIL_SINK_FILE: MAIL_FILE,
			WORKER_INTERVAL: '1',
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
