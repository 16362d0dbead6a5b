import { expect, expectAccessible, logout, readIn, test } from './fixtures';

/**
 * Signing in with the organisation's account (DOMAIN §12) through the demo's identity
 * provider, which the test server runs beside the app (DEMO_PROVIDER): its one page picks
 * the person, the rest is a real OpenID Connect round trip.
 */
test.describe("signing in with the organisation's account", () => {
	test('a demo account signs in, its second factor asserted, and signs out of both', async ({
		page
	}) => {
		await page.goto('/login');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Kirjaudu organisaation tunnuksella' }).click();
		await page.getByRole('button', { name: 'Kaarina Lehtola' }).click();
		// No code asked: the provider asserted the second factor.
		await expect(page).toHaveURL('/');
		await expect(page.locator('[data-home="team"]')).toBeVisible();

		// Before a sensitive action the provider can confirm who this is again.
		await page.goto('/reauth?next=%2Fteam');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Vahvista organisaation tunnuksella' }).click();
		await page.getByRole('button', { name: 'Kaarina Lehtola' }).click();
		await expect(page).toHaveURL('/team');

		await logout(page);
		const status = page.getByRole('status');
		await expect(status).toContainText('Organisaation kirjautumispalvelussa olet yhä');
		await expectAccessible(page);
		await status.getByRole('link', { name: 'Kirjaudu ulos myös organisaation palvelusta' }).click();
		await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
		await expect(page).toHaveURL(/\/login\?logged_out=1$/);
		await page.goto('/');
		await expect(page).toHaveURL(/\/login/);
	});

	test('a first sign-in makes an account that waits for approval, in three languages', async ({
		page
	}) => {
		await page.goto('/login');
		await page.getByRole('link', { name: 'Kirjaudu organisaation tunnuksella' }).click();
		await page.getByRole('button', { name: /Uusi Työntekijä/ }).click();
		await expect(page).toHaveURL('/');
		await expect(page.getByRole('heading', { name: 'Tilisi odottaa hyväksyntää' })).toBeVisible();
		await expectAccessible(page);
		// Nothing of a child opens before the approval.
		expect((await page.goto('/children'))?.status()).toBe(403);
		await page.goto('/');
		for (const [locale, heading] of [
			['sv', 'Ditt konto väntar på godkännande'],
			['en', 'Your account is waiting for approval']
		] as const) {
			await readIn(page, locale);
			await expect(page.getByRole('heading', { name: heading })).toBeVisible();
			await expectAccessible(page);
		}
	});

	test('a sign-in that cannot be finished says so plainly, in three languages', async ({
		page
	}) => {
		// An answer this browser did not ask for: no handle, nothing written.
		await page.goto('/login/provider/callback?code=x&state=y');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kirjautuminen ei onnistunut');
		await expect(page.getByRole('alert')).toContainText('Aloita alusta');
		await expectAccessible(page);
		for (const [locale, heading] of [
			['sv', 'Inloggningen lyckades inte'],
			['en', 'Signing in did not work']
		] as const) {
			await readIn(page, locale);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await expectAccessible(page);
		}
		await page
			.getByRole('link', { name: /organisation/ })
			.first()
			.click();
		await expect(page.getByRole('button', { name: 'Kaarina Lehtola' })).toBeVisible();
	});
});
