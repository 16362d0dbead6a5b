import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { demoSecret } from '../../src/lib/server/seed/demo-factor';
import { toHelsinkiLocal } from '../../src/lib/domain/time';

/** Made afresh with the test server's database (playwright.config.ts removes them). */
const STATE_DIR = '.auth-e2e';
const STEPS_DIR = `${STATE_DIR}/steps`;

export const DEMO_PASSWORD = 'Demo-salasana-2026';

/** One demo account per role, as listed in the README. */
export const ACCOUNTS = {
	consultant_social_worker: { email: 'konsultti@demo.example', home: 'team' },
	social_worker: { email: 'sosiaalityontekija@demo.example', home: 'team' },
	social_instructor: { email: 'sosiaaliohjaaja@demo.example', home: 'team' },
	family_therapist: { email: 'perheterapeutti@demo.example', home: 'team' },
	coordinator: { email: 'koordinaattori@demo.example', home: 'team' },
	partner: { email: 'koulu@demo.example', home: 'partner' },
	residential_staff: { email: 'laitos@demo.example', home: 'residential' },
	region_manager: { email: 'johto@demo.example', home: 'region' },
	admin: { email: 'yllapito@demo.example', home: 'admin' }
} as const;
export type DemoRole = keyof typeof ACCOUNTS;
type Locale = 'fi' | 'sv' | 'en';

/**
 * axe-core, put into every page of the test browsers before the page's own scripts run (as
 * the browser's own code: the page's CSP does not apply). AxeBuilder would otherwise parse
 * its half-megabyte source twice per check, most of a check's time.
 */
const AXE_SOURCE = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);
export const preloadAxe = (context: BrowserContext) =>
	context.addInitScript({ content: AXE_SOURCE });
/** What AxeBuilder injects when the page already has axe: nothing (it must not be empty). */
const PRELOADED = 'void 0;';

/** The narrow width every page is also checked at (a small phone). */
export const PHONE = { width: 375, height: 740 };

/**
 * A mark that tells this run's records apart, in letters only: a search for a number in a
 * name ("… 07") must not also match the mark itself, as a base-36 stamp holding "07" did.
 */
export function letterStamp(now = Date.now()): string {
	let mark = '';
	for (let n = now; n > 0; n = Math.floor(n / 26)) mark = String.fromCharCode(97 + (n % 26)) + mark;
	return mark;
}

/** Between a phone and a wide screen: a laptop at 200 % zoom, a tablet on its side. */
export const MIDDLE = { width: 800, height: 740 };

/**
 * The page as it is now, at the test's width and again at a phone's width: no axe
 * violation of any impact (minor ones included), nothing wider than the window, no table
 * that needs scrolling and no table cell outside the screen (a row is a card where its
 * table does not fit). At a middle width the layout alone is checked again.
 */
export async function expectAccessible(page: Page) {
	const size = page.viewportSize();
	// One menu item says "this page" at most (a prefix match once marked two).
	expect(
		await page.locator('nav a[aria-current="page"]').count(),
		`one current menu item on ${page.url()}`
	).toBeLessThanOrEqual(1);
	// A page names itself once: its document title ("what – Yhteisarvio", read out on arrival)
	// and its one h1 (PageTitle).
	await expect(page).toHaveTitle(/\S – Yhteisarvio$/);
	await expect(page.locator('h1'), `one h1 on ${page.url()}`).toHaveCount(1);
	await checkLayout(page);
	if (size && size.width > PHONE.width) {
		try {
			if (size.width > MIDDLE.width) {
				await page.setViewportSize(MIDDLE);
				await checkFit(page);
			}
			await page.setViewportSize(PHONE);
			await checkLayout(page);
		} finally {
			await page.setViewportSize(size);
		}
	}
}

async function checkLayout(page: Page) {
	await checkFit(page);
	await checkAxe(page);
}

/** Nothing sticks out, no table scrolls, every cell is on the screen; labels capitalised. */
async function checkFit(page: Page) {
	// As a person sees the page: its scripts have run (tables fit their space once they have,
	// fit-table.ts) and a resize has been answered, which happens before the next frame.
	if (await page.evaluate(() => document.scripts.length > 0))
		await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
	const layout = await page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		// The elements that stick out, named so a failure says where to look.
		const wide = [...document.querySelectorAll('body *')]
			.filter((e) => e.getBoundingClientRect().right > width + 1)
			.filter((e) => !e.closest('.table-wrap, .visually-hidden'))
			.slice(0, 3)
			.map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.slice(0, 30)}`);
		const scrolling = [...document.querySelectorAll('.table-wrap')]
			.filter((e) => e.scrollWidth > e.clientWidth + 1)
			.map((e) => e.getAttribute('aria-label') ?? e.getAttribute('aria-labelledby') ?? '');
		// Every cell a row's meaning needs is on the screen: none starts or ends outside it.
		const offscreen = [...document.querySelectorAll('tbody td, tbody th')]
			.filter((e) => {
				const r = e.getBoundingClientRect();
				return r.width > 0 && (r.left < -1 || r.right > width + 1);
			})
			.slice(0, 3)
			.map((e) => `${e.getAttribute('data-label') ?? e.tagName}: ${e.textContent?.slice(0, 30)}`);
		// Labels (term names, headers) start with a capital, as their neighbours do.
		const lowercase = [...document.querySelectorAll('main dt, main thead th')]
			.map((e) => e.textContent?.trim() ?? '')
			.filter((t) => /^\p{Ll}/u.test(t));
		return { width, wide, scrolling, offscreen, lowercase };
	});
	const where = `${page.url()} at ${layout.width} px`;
	expect(layout.wide, `nothing wider than the window on ${where}`).toEqual([]);
	// At a phone's width too: a row is a card there (DataTable), never a strip to scroll.
	expect(layout.scrolling, `tables fit without scrolling on ${where}`).toEqual([]);
	expect(layout.offscreen, `every table cell on the screen on ${where}`).toEqual([]);
	expect(layout.lowercase, `labels with a capital on ${where}`).toEqual([]);
}

async function checkAxe(page: Page) {
	const where = `${page.url()} at ${page.viewportSize()?.width} px`;
	const preloaded = await page.evaluate(
		() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function'
	);
	// Legacy mode runs axe in the page itself instead of opening a blank page to combine
	// frame results (our pages have no frames).
	const results = await new AxeBuilder({ page, axeSource: preloaded ? PRELOADED : undefined })
		.setLegacyMode(true)
		.options({ resultTypes: ['violations'] })
		.analyze();
	expect(
		results.violations.map(
			(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
		),
		`axe on ${where}`
	).toEqual([]);
}

/**
 * Signs in: the password, then (for a demo account) the authenticator code computed from
 * the public demo key, as a person's app would. A wrong password stays on the login page.
 */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(password);
	await page.locator('form[action="?/login"] button[type="submit"]').click();
	const next = await Promise.race([
		page.waitForURL(/\/login\/(code|setup)/).then(() => 'code' as const),
		page
			.locator('#login-message')
			.waitFor()
			.then(() => 'refused' as const)
	]);
	if (next === 'code' && page.url().includes('/login/code')) await enterCode(page, email);
}

/**
 * A code the server has not seen yet. The server accepts one step either side of its own
 * and each step once only, after the last one used: so each account has three codes per
 * 30 seconds. Steps are claimed with an exclusive file create, so parallel workers (and the
 * setup project before them) never type the same code twice.
 */
async function freshCode(secret: Uint8Array, account: string): Promise<string> {
	mkdirSync(STEPS_DIR, { recursive: true });
	const prefix = `${account}.`;
	for (;;) {
		const now = Math.floor(Date.now() / 30_000);
		// The step before is the server's too, but not for long: in a window's last seconds
		// the request could reach the server after it has moved on, and the code is refused.
		const late = Date.now() % 30_000 > 25_000;
		const claimed = readdirSync(STEPS_DIR)
			.filter((f) => f.startsWith(prefix))
			.map((f) => Number(f.slice(prefix.length)));
		const from = Math.max(late ? now : now - 1, Math.max(-1, ...claimed) + 1);
		for (let step = from; step <= now + 1; step++) {
			try {
				writeFileSync(`${STEPS_DIR}/${prefix}${step}`, '', { flag: 'wx' });
				return generateHOTP(secret, BigInt(step), 6);
			} catch {
				// Another worker took this step first: try the next one.
			}
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
}

/** A fresh code for a demo account, for tests that type it themselves. */
export function codeFor(email: string): Promise<string> {
	return freshCode(demoSecret(email), email);
}

/** Types the current code into the code step (or re-authentication) and submits it. */
export async function enterCode(page: Page, email: string, secret = demoSecret(email)) {
	for (let attempt = 0; attempt < 4; attempt++) {
		const before = new URL(page.url()).pathname;
		await page.locator('#code').fill(await freshCode(secret, email));
		// Wait for the answer, then for what follows it: an accepted code moves the page on
		// (or shows the recovery codes in place); a refused one leaves it where it was.
		const answer = page.waitForResponse((r) => r.request().method() === 'POST');
		await page.locator('main form:has(#code) button[type="submit"]').click();
		const res = await answer;
		if (res.status() >= 400) continue;
		const moved = await Promise.race([
			page
				.waitForURL((u) => u.pathname !== before, { timeout: 5000 })
				.then(() => true)
				.catch(() => false),
			page
				.getByTestId('recovery-codes')
				.waitFor({ timeout: 5000 })
				.then(() => true)
				.catch(() => false)
		]);
		if (moved) return;
	}
	throw new Error(`the code step did not accept a code for ${email}`);
}

/** For an account set up during a test: its key as the set-up page shows it. */
export function keyFromText(text: string): Uint8Array {
	return decodeBase32IgnorePadding(text.replace(/\s+/g, ''));
}

export async function logout(page: Page) {
	await page.locator('form[action="/logout?/logout"] button').click();
	await expect(page).toHaveURL(/\/login\?logged_out=1/);
}

/** Where the setup project (auth.setup.ts) keeps each role's signed-in browser state. */
export const stateFile = (role: DemoRole) => `${STATE_DIR}/${role}.json`;

/**
 * The sessions the setup project made pass the second factor once. A sensitive step (an
 * override, an access-log export) asks for a fresh code when that was over 10 minutes ago,
 * which a slow run on a busy machine reaches. Past 5 minutes the role's shared session
 * confirms a fresh code first (`/reauth`), and the state file's time marks it for every
 * worker; a test then has 5 minutes before the limit, far over its timeout.
 */
const FRESH_FACTOR_MS = 5 * 60_000;

async function keepFactorFresh(page: Page, role: DemoRole) {
	if (Date.now() - statSync(stateFile(role)).mtimeMs < FRESH_FACTOR_MS) return;
	await page.goto('/reauth?next=/');
	await enterCode(page, ACCOUNTS[role].email);
	const now = new Date();
	utimesSync(stateFile(role), now, now);
}

/** Opens the home page and waits until it is the one that role sees. */
async function openHome(page: Page, role: DemoRole) {
	await keepFactorFresh(page, role);
	await page.goto('/');
	await expect(page.locator(`[data-home="${ACCOUNTS[role].home}"]`)).toBeVisible();
	return page;
}

/**
 * `loginAs(role)`: the test's page, signed in as that demo role with the session the setup
 * project made; its cookie replaces whoever was signed in there, and nobody signs out (only
 * the session cookie: a language the test chose stays chosen).
 * `pageAs(role)`: a second browser beside the first, signed in as that role, or signed out
 * for `null`. Sessions are shared per role across the run: a test that signs out must sign
 * in itself (`login`).
 */
export const test = base.extend<{
	loginAs: (role: DemoRole) => Promise<Page>;
	pageAs: (role: DemoRole | null) => Promise<Page>;
}>({
	// Finnish unless the test chooses a language. The browser's own language would otherwise
	// decide on the client, which writes it to the cookie on its first page: CI runs have seen
	// a page in English (the headless browser's default) in a Finnish-only test, once after
	// loginAs and once after a sign-in through the provider.
	context: async ({ context, baseURL }, use) => {
		await preloadAxe(context);
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'fi', url: baseURL! }]);
		await use(context);
	},
	loginAs: async ({ page, context }, use) => {
		await use(async (role) => {
			const state = JSON.parse(readFileSync(stateFile(role), 'utf8')) as {
				cookies: Parameters<BrowserContext['addCookies']>[0];
			};
			await context.addCookies(state.cookies.filter((c) => /(^|-)session$/.test(c.name)));
			return openHome(page, role);
		});
	},
	pageAs: async ({ browser, baseURL }, use) => {
		const contexts: BrowserContext[] = [];
		await use(async (role) => {
			const context = await browser.newContext(
				role ? { storageState: stateFile(role) } : undefined
			);
			contexts.push(context);
			await preloadAxe(context);
			// Finnish, as the test's own context (above), unless the saved state chose.
			if (!(await context.cookies()).some((c) => c.name === 'PARAGLIDE_LOCALE'))
				await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'fi', url: baseURL! }]);
			const page = await context.newPage();
			return role ? openHome(page, role) : page;
		});
		for (const context of contexts) await context.close();
	}
});
export { expect };

/**
 * Shows this browser's pages in a language without touching the account's saved choice
 * (the header's switch saves it, and other test files share the demo accounts).
 */
export async function readIn(page: Page, locale: Locale) {
	// Once hydrated: the client runtime writes the language it started in to the same cookie
	// once, and would otherwise overwrite this one before the reload.
	await page.locator('body[data-hydrated="true"]').waitFor();
	const { origin } = new URL(page.url());
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: origin }]);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** Picks a language with the header's switch, once the page has hydrated (and saves it). */
export async function switchLanguage(page: Page, locale: Locale) {
	await page.locator('body[data-hydrated="true"]').waitFor();
	await page.locator('#language-select').selectOption(locale);
	await page.locator('form.language button').click();
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** The set-password link mailed to `email`, read from the local mail sink (mail-sink.js). */
export async function mailedLink(email: string, timeoutMs = 20_000): Promise<string> {
	const { readFileSync, existsSync } = await import('node:fs');
	const file = '.mail-e2e/mails.jsonl';
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (existsSync(file)) {
			for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse()) {
				const mail = JSON.parse(line) as { to: string[]; raw: string };
				if (!mail.to.includes(email)) continue;
				// Quoted-printable: join soft line breaks, then decode =XX.
				const text = mail.raw
					.replace(/=\r?\n/g, '')
					.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
				const found = /https?:\/\/[^\s]+\/set-password\/[a-z2-7]{32}/.exec(text);
				if (found) return found[0];
			}
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`no set-password mail for ${email}`);
}

/** A child added to the signed-in social worker's team through the form; its page's path. */
export async function addChild(
	page: Page,
	child: { givenName: string; familyName: string; dateOfBirth: string; home: string }
) {
	await page.goto('/children/new');
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await page.getByLabel('Etunimi').fill(child.givenName);
	await page.getByLabel('Sukunimi').fill(child.familyName);
	await page.getByLabel('Syntymäaika').fill(child.dateOfBirth);
	await page.getByLabel('Kotikunta').fill(child.home);
	await page.getByLabel('Vastuusosiaalityöntekijä').selectOption({ index: 1 });
	await page.getByRole('button', { name: 'Lisää' }).click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}\?saved=/);
	return new URL(page.url()).pathname;
}

/** A consultation's time a week ahead (Helsinki time) and `place` filled in; the time. */
export async function fillSchedule(page: Page, place: string) {
	const when = toHelsinkiLocal(new Date(Date.now() + 7 * 86400_000)).slice(0, 16);
	await page.locator('#scheduledAt').fill(when);
	await page.locator('#place').fill(place);
	return when;
}

/** A consultation asked for on the child at `childPath`, of ordinary urgency; its path. */
export async function askForConsultation(page: Page, childPath: string, question: string) {
	await page.goto(`${childPath}/consultations/new`);
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await page.locator('#question').fill(question);
	await page.getByLabel('Tavallinen').check();
	await page.getByRole('button', { name: 'Lähetä pyyntö' }).click();
	await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}\?saved=requested$/);
	return new URL(page.url()).pathname;
}

/** An organisation made through the admin's form (the page must be signed in as admin). */
export async function addOrganisation(page: Page, name: string, kind: string) {
	await page.goto('/admin/organisations/new');
	await page.locator('#name').fill(name);
	await page.locator('#kind').selectOption(kind);
	await page.locator('main form button[type="submit"]').click();
	await expect(page).toHaveURL(/\/admin\/organisations\?saved=1/);
}
