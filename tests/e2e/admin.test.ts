import {
	enterCode,
	expect,
	expectAccessible,
	keyFromText,
	mailedLink,
	readIn,
	switchLanguage,
	test
} from './fixtures';

const pages = [
	'/admin/organisations',
	'/admin/organisations/new',
	'/admin/teams',
	'/admin/teams/new',
	'/admin/users',
	'/admin/users/new'
];

test.describe('administration', () => {
	test('every admin page is accessible (fi)', async ({ page, loginAs }) => {
		await loginAs('admin');
		for (const path of pages) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectAccessible(page);
		}
		// Detail pages reached through the lists.
		await page.goto('/admin/organisations');
		await page.locator('table a').first().click();
		await expectAccessible(page);
		await page.goto('/admin/teams');
		await page.locator('table a').first().click();
		await expectAccessible(page);
		await page.goto('/admin/users');
		await page.locator('table a').first().click();
		await expectAccessible(page);
	});

	test('creates an organisation; bad input shows errors and saves nothing', async ({
		page,
		loginAs
	}) => {
		await loginAs('admin');
		await page.goto('/admin/organisations/new');
		await page.locator('#name').fill('x');
		await page.locator('main form button[type="submit"]').click();
		const summary = page.locator('.error-summary');
		await expect(summary).toBeVisible();
		await expect(summary.getByRole('link')).toHaveCount(2);
		await expect(page.locator('#name')).toHaveValue('x');
		await expectAccessible(page);

		const name = `Testikoulu ${Date.now()}`;
		await page.locator('#name').fill(name);
		await page.locator('#kind').selectOption('school');
		await page.locator('main form button[type="submit"]').click();
		await expect(page).toHaveURL(/\/admin\/organisations\?saved=1/);
		await expect(page.getByRole('link', { name })).toBeVisible();
	});

	test('creates a user, gives a role and sends a one-time password link to the person', async ({
		page,
		loginAs,
		pageAs
	}) => {
		await loginAs('admin');
		await page.goto('/admin/users/new');
		// An empty form: the summary names the fields in the order they appear (issue 12 A12).
		await page.locator('form[action="?/create"] button[type="submit"]').click();
		await expect(page.locator('.error-summary a')).toHaveText([/^Nimi: /, /^Sähköposti: /]);
		const email = `uusi.${Date.now()}@demo.example`;
		await page.locator('#displayName').fill('Uusi Työntekijä');
		await page.locator('#email').fill(email);
		await page.locator('form[action="?/create"] button[type="submit"]').click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uusi Työntekijä');

		await page.locator('#organisationId').selectOption({ label: 'Koivurannan koulu' });
		await page.locator('#role').selectOption('partner');
		await page.locator('form[action="?/addMembership"] button').click();
		await expect(
			page.getByText('yhteistyökumppani, Koivurannan koulu', { exact: true })
		).toBeVisible();

		await page.locator('form[action="?/passwordLink"] button').click();
		// The admin is told it was sent; the link itself never appears on the page.
		await expect(page.getByRole('status')).toContainText('sähköpostiin');
		expect(await page.content()).not.toMatch(/set-password\/[a-z2-7]{32}/);
		await expectAccessible(page);
		const link = await mailedLink(email);
		expect(link).toMatch(/\/set-password\/[a-z2-7]{32}$/);

		// The person opens the mail in their own browser.
		const person = await pageAs(null);
		await person.goto(link);
		await person.locator('#password').fill('Kuusi-Järvi-Pilvi-Tuoli');
		await person.locator('#confirm').fill('Kuusi-Järvi-Pilvi-Tuoli');
		await person.locator('form[action="?/set"] button').click();
		await expect(person).toHaveURL(/password_set=1/);
		await person.locator('#email').fill(email);
		await person.locator('#password').fill('Kuusi-Järvi-Pilvi-Tuoli');
		await person.locator('form[action="?/login"] button[type="submit"]').click();
		// First sign-in: set up the authenticator from the key shown as text, then the codes.
		await expect(person).toHaveURL(/\/login\/setup/);
		for (const locale of ['sv', 'en', 'fi'] as const) {
			await switchLanguage(person, locale);
			await expectAccessible(person);
		}
		const key = keyFromText((await person.getByTestId('secret').textContent())!);
		await enterCode(person, email, key);
		await expect(person.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
		await expectAccessible(person);
		await person.getByRole('link', { name: 'Jatka palveluun' }).click();
		await expect(person.locator('[data-home="partner"]')).toBeVisible();
	});

	test('asks before removing a role or deactivating a user; cancel changes nothing', async ({
		page,
		loginAs
	}) => {
		await loginAs('admin');
		await readIn(page, 'fi');
		await page.goto('/admin/users/new');
		await page.locator('#displayName').fill('Poistuva Työntekijä');
		await page.locator('#email').fill(`poistuva.${Date.now()}@demo.example`);
		await page.locator('form[action="?/create"] button[type="submit"]').click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Poistuva Työntekijä');
		await page.locator('#organisationId').selectOption({ label: 'Koivurannan koulu' });
		await page.locator('#role').selectOption('partner');
		await page.locator('form[action="?/addMembership"] button').click();
		const role = page.getByText('yhteistyökumppani, Koivurannan koulu', { exact: true });
		await expect(role).toBeVisible();

		await page.locator('summary', { hasText: 'Poista rooli' }).click();
		await expect(
			page.getByText('Poistetaanko rooli yhteistyökumppani, Koivurannan koulu?')
		).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Peruuta' }).click();
		await expect(role).toBeVisible();
		await page.locator('summary', { hasText: 'Poista rooli' }).click();
		await page.getByRole('button', { name: 'Kyllä, poista rooli' }).click();
		await expect(role).toHaveCount(0);

		await page.locator('summary', { hasText: 'Poista käytöstä' }).click();
		await expect(page.getByText('Poistetaanko käyttäjä käytöstä?')).toBeVisible();
		await page.getByRole('button', { name: 'Kyllä, poista käytöstä' }).click();
		await expect(page.getByRole('button', { name: 'Ota uudelleen käyttöön' })).toBeVisible();
	});

	test('non-admins get 403 on admin pages and see no admin links', async ({ page, loginAs }) => {
		await loginAs('consultant_social_worker');
		await expect(page.getByRole('link', { name: 'Käyttäjät' })).toHaveCount(0);
		const res = await page.goto('/admin/users');
		expect(res?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Virhe 403');
		await expectAccessible(page);
	});
});
