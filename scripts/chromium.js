// The browser the end-to-end tests drive: Debian's Chromium, since Playwright cannot
// download its own browser here. `node scripts/chromium.js` (the first step of
// `npm run test:e2e`, so of `npm test`) installs the headless shell from Debian's packages
// where no Chromium is found and this user may install (root, with apt-get); elsewhere it
// says what to install and stops, instead of Playwright's advice to download a browser.
// The headless shell runs the suite in about half the time of the full browser.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FOUND_AT = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];
const PACKAGE = 'chromium-headless-shell';

/** The Chromium to run: CHROMIUM_PATH, else the first of Debian's two that is installed. */
export function chromiumPath() {
	return process.env.CHROMIUM_PATH || FOUND_AT.find((p) => existsSync(p));
}

function aptInstall() {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const apt = (/** @type {string[]} */ args) =>
		execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
	try {
		apt(['install', '-y', '-qq', PACKAGE]);
	} catch {
		// A machine whose package lists were never read knows no such package yet.
		apt(['update', '-qq']);
		apt(['install', '-y', '-qq', PACKAGE]);
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const given = process.env.CHROMIUM_PATH;
	if (given && !existsSync(given)) {
		console.error(`CHROMIUM_PATH is ${given}, and there is no such file.`);
		process.exit(1);
	}
	if (!chromiumPath() && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
		console.info(`The browser tests need Chromium: installing ${PACKAGE} from Debian's packages.`);
		try {
			aptInstall();
		} catch {
			// Said below, with what to do.
		}
	}
	if (!chromiumPath()) {
		console.error(
			`The browser tests need Chromium. Install it (Debian: apt-get install ${PACKAGE}, or chromium), or set CHROMIUM_PATH to a Chromium or Chrome program.`
		);
		process.exit(1);
	}
}
