import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

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

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(password);
	await page.locator('form[action="?/login"] button[type="submit"]').click();
}

export async function logout(page: Page) {
	await page.locator('form[action="/logout?/logout"] button').click();
	await expect(page).toHaveURL(/\/login\?logged_out=1/);
}

/** `loginAs(role)`: a signed-in page for that demo role. */
export const test = base.extend<{ loginAs: (role: DemoRole) => Promise<Page> }>({
	loginAs: async ({ page }, use) => {
		await use(async (role) => {
			await login(page, ACCOUNTS[role].email);
			await expect(page.locator(`[data-home="${ACCOUNTS[role].home}"]`)).toBeVisible();
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
