import {
	ACCOUNTS,
	DEMO_PASSWORD,
	enterCode,
	expect,
	expectAccessible,
	readIn,
	switchLanguage,
	test
} from './fixtures';

const locales = ['fi', 'sv', 'en'] as const;

test('the code step: a labelled one-time-code field, accessible in every language', async ({
	page
}) => {
	const email = ACCOUNTS.coordinator.email;
	await page.goto('/login');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(DEMO_PASSWORD);
	await page.locator('form[action="?/login"] button[type="submit"]').click();
	await expect(page).toHaveURL(/\/login\/code/);
	// Until the code is given, nothing else opens.
	const res = await page.goto('/children');
	expect(res?.url()).toMatch(/\/login\/code/);
	const field = page.getByRole('textbox', { name: 'Koodi' });
	await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
	await expect(field).toHaveAttribute('inputmode', 'numeric');
	for (const locale of locales) {
		await switchLanguage(page, locale);
		await expectAccessible(page);
	}
	await switchLanguage(page, 'fi');
	await page.locator('#code').fill('000000');
	await page.locator('main form:has(#code) button[type="submit"]').click();
	await expect(page.locator('.error-summary, [role="alert"]').first()).toBeVisible();
	await expectAccessible(page);
	await enterCode(page, email);
	// Back where the person was going before the code step.
	await expect(page).toHaveURL(/\/children$/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('my sessions and the confirmation page are accessible in every language', async ({
	page,
	loginAs
}) => {
	await loginAs('partner');
	for (const locale of locales) {
		await readIn(page, locale);
		await page.goto('/account');
		await expect(page.locator('table.sessions tbody tr').first()).toBeVisible();
		await expectAccessible(page);
		await page.goto('/reauth?next=/account');
		await expect(page.locator('#code')).toBeVisible();
		await expectAccessible(page);
	}
});

test('a half-finished sign-in can be cancelled from the code step', async ({ page }) => {
	await page.goto('/login');
	await page.locator('#email').fill(ACCOUNTS.social_worker.email);
	await page.locator('#password').fill(DEMO_PASSWORD);
	await page.locator('form[action="?/login"] button[type="submit"]').click();
	await expect(page).toHaveURL(/\/login\/code/);
	// Not signed in yet: nothing offers to sign out, only to cancel.
	await expect(page.getByRole('button', { name: 'Kirjaudu ulos' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Peruuta kirjautuminen' }).click();
	await expect(page).toHaveURL(/\/login\?logged_out=1/);
	await page.goto('/login/code');
	await expect(page).toHaveURL(/\/login(\?|$)/);
});
