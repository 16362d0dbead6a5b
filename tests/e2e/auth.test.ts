import {
	ACCOUNTS,
	enterCode,
	expect,
	expectAccessible,
	login,
	logout,
	switchLanguage,
	test,
	type DemoRole
} from './fixtures';

test.describe('sign in and out', () => {
	// Every role has signed in through the UI in the setup project (auth.setup.ts).
	for (const role of Object.keys(ACCOUNTS) as DemoRole[]) {
		test(`${role} has an accessible home page`, async ({ page, loginAs }) => {
			await loginAs(role);
			await expect(page).toHaveURL('/');
			await expectAccessible(page);
		});
	}

	test('signing out ends the session', async ({ page }) => {
		await login(page, ACCOUNTS.social_instructor.email);
		await expect(page.locator('[data-home="team"]')).toBeVisible();
		await logout(page);
		await expect(page.getByRole('status')).toContainText('Olet kirjautunut ulos');
		// The old session is gone: the home page sends us back to login.
		await page.goto('/');
		await expect(page).toHaveURL(/\/login/);
	});

	test('session cookie is HttpOnly and SameSite=Lax', async ({ page, context, loginAs }) => {
		await loginAs('social_worker');
		const cookie = (await context.cookies()).find((c) => c.name === 'session');
		expect(cookie).toBeDefined();
		expect(cookie?.httpOnly).toBe(true);
		expect(cookie?.sameSite).toBe('Lax');
		expect(cookie?.path).toBe('/');
		const res = await page.request.get('/');
		expect(res.headers()['cache-control']).toBe('no-store');
	});

	test('wrong password shows one plain error and keeps the e-mail', async ({ page }) => {
		await login(page, ACCOUNTS.partner.email, 'this is not the password');
		await expect(page.getByRole('alert')).toContainText('Sähköposti tai salasana on väärin.');
		await expect(page.locator('#email')).toHaveValue(ACCOUNTS.partner.email);
		await expect(page.locator('#password')).toHaveValue('');
		await expectAccessible(page);
		// The real password still works afterwards.
		await login(page, ACCOUNTS.partner.email);
		await expect(page.locator('[data-home="partner"]')).toBeVisible();
	});

	test('an empty form gets an error summary that links to the fields', async ({ page }) => {
		await page.goto('/login');
		await page.locator('form[action="?/login"] button[type="submit"]').click();
		const summary = page.locator('.error-summary');
		await expect(summary).toBeVisible();
		await expect(summary.getByRole('link', { name: /Sähköposti/ })).toHaveAttribute(
			'href',
			'#email'
		);
		await expectAccessible(page);
	});

	test('signed-out visitors are sent to login and back afterwards', async ({ page }) => {
		await page.goto('/account');
		await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
		await page.locator('#email').fill(ACCOUNTS.coordinator.email);
		await page.locator('#password').fill('Demo-salasana-2026');
		await page.locator('form[action="?/login"] button[type="submit"]').click();
		// The code step keeps where the person was going.
		await expect(page).toHaveURL(/\/login\/code\?next=%2Faccount/);
		await enterCode(page, ACCOUNTS.coordinator.email);
		await expect(page).toHaveURL('/account');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Omat tiedot');
		await expectAccessible(page);
	});

	test('the skip link moves focus to the content', async ({ page }) => {
		await page.goto('/login');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Siirry sisältöön' });
		await expect(skip).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#main$/);
	});
});

// The clinic's nurse: no other test signs in as her, so her saved language is this test's.
const CLINIC = 'neuvola@demo.example';

test('the accessibility check fails on a page with a violation', async ({ page }) => {
	await page.goto('/login');
	await expectAccessible(page);
	// A button with no name: axe calls it critical, so the check must refuse the page.
	await page.evaluate(() =>
		document.querySelector('main')?.append(document.createElement('button'))
	);
	await expect(expectAccessible(page)).rejects.toThrow(/button-name/);
});

test.describe('languages', () => {
	test('Finnish by default; switching to English and Swedish is remembered', async ({ page }) => {
		// No language chosen yet: the browser's (fi-FI) decides.
		await page.context().clearCookies();
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kirjaudu sisään');

		await switchLanguage(page, 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
		await expectAccessible(page);

		await login(page, CLINIC);
		await expect(page.locator('#home-section')).toHaveText('Assessment requests');
		await expectAccessible(page);

		await switchLanguage(page, 'sv');
		await expect(page.locator('#home-section')).toHaveText('Bedömningsförfrågningar');

		// The choice is the user's: it follows them to a new browser session.
		await logout(page);
		await page.context().clearCookies();
		await login(page, CLINIC);
		await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	});
});

test.describe('accessibility in English', () => {
	test('login, home, account, error and set-password pages', async ({ page, loginAs }) => {
		await page.goto('/login');
		await switchLanguage(page, 'en');
		await page.goto('/set-password/notavalidtoken');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set your password');
		await expectAccessible(page);

		await loginAs('partner');
		await expectAccessible(page);
		await page.goto('/account');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
		await page.locator('button', { hasText: 'Change password' }).click();
		await expect(page.locator('.error-summary')).toBeVisible();
		await expectAccessible(page);
		const res = await page.goto('/admin/organisations');
		expect(res?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Error 403');
		await expectAccessible(page);
		await page.goto('/no-such-page');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Error 404');
		await expectAccessible(page);
	});
});
