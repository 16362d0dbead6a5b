import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { demoSecret } from '../../src/lib/server/seed/demo-factor';

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
	admin: { email: 'yllapito@demo.example', home: 'admin' }
} as const;
export type DemoRole = keyof typeof ACCOUNTS;

/** No serious or critical axe violations on the page as it is now. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(
		bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
		`axe on ${page.url()}`
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

/** Steps already used per account: each code is accepted once only (no replay). */
const usedSteps = new Map<string, number>();

/** A code the server has not seen yet: this step's, or the next one's (its window is ±1). */
async function freshCode(secret: Uint8Array, account: string): Promise<string> {
	for (;;) {
		const now = Math.floor(Date.now() / 30_000);
		const step = Math.max(now, (usedSteps.get(account) ?? -1) + 1);
		if (step <= now + 1) {
			usedSteps.set(account, step);
			return generateHOTP(secret, BigInt(step), 6);
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

type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;

/**
 * `loginAs(role)`: a signed-in page for that demo role. Each role signs in through the UI
 * once per worker; later tests reuse its session cookie (as `storageState` would) and sign
 * in again only if that session has ended (a test signed out, say).
 */
export const test = base.extend<
	{ loginAs: (role: DemoRole) => Promise<Page> },
	{ sessions: Map<DemoRole, Cookies> }
>({
	sessions: [
		// eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
		async ({}, use) => {
			await use(new Map());
		},
		{ scope: 'worker' }
	],
	loginAs: async ({ page, context, sessions }, use) => {
		await use(async (role) => {
			const home = page.locator(`[data-home="${ACCOUNTS[role].home}"]`);
			const saved = sessions.get(role);
			if (saved) {
				// Only the session cookie: a language the test chose before stays chosen.
				await context.addCookies(saved);
				await page.goto('/');
				if (await home.isVisible()) return page;
			}
			await login(page, ACCOUNTS[role].email);
			await expect(home).toBeVisible();
			sessions.set(
				role,
				(await context.cookies()).filter((c) => /(^|-)session$/.test(c.name))
			);
			return page;
		});
	}
});
export { expect };

/** Picks a language with the header's switch, once the page has hydrated. */
export async function switchLanguage(page: Page, locale: 'fi' | 'sv' | 'en') {
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
