import { expect, expectAccessible, test } from './fixtures';

// Demo child 15 (Rasmus Kallio): the team grants the youth services access, then revokes it.
test('revoking access asks first: cancel keeps it, yes revokes it', async ({ page, loginAs }) => {
	await loginAs('consultant_social_worker');
	await page.goto('/children');
	await page.getByRole('link', { name: 'Kallio, Rasmus' }).click();
	await page.getByRole('link', { name: 'Käyttöoikeudet, pyynnöt ja sijoitus' }).click();
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	// The grant and request forms both choose an organisation: each select is named once
	// (not "Organisaatio Organisaatio" on one and nothing on the other; issue 12 A12).
	await expect(page.getByRole('combobox', { name: 'Organisaatio', exact: true })).toHaveCount(2);
	await page
		.locator('#organisationId')
		.selectOption({ label: 'Nuorten mielenterveyspalvelut Väylä' });
	// A notification is no basis (§3): consent, with who gave it and when.
	await expect(page.locator('#basis option[value="notification"]')).toHaveCount(0);
	await page.locator('#basis').selectOption('consent');
	await page.locator('#consentGivenBy').fill('huoltaja (isä)');
	await page.locator('#consentGivenOn').fill(new Date().toISOString().slice(0, 10));
	await page.getByRole('button', { name: 'Anna käyttöoikeus' }).click();
	const row = page.getByRole('row', { name: /Nuorten mielenterveyspalvelut Väylä/ });
	await expect(row).toContainText('Voimassa nyt');

	await row.locator('summary').click();
	await expect(
		row.getByText('Perutaanko organisaation Nuorten mielenterveyspalvelut Väylä pääsy')
	).toBeVisible();
	await expectAccessible(page);
	await row.getByRole('button', { name: 'Peruuta' }).click();
	await expect(row.getByRole('button', { name: 'Kyllä, peru pääsy' })).toBeHidden();
	await expect(row).toContainText('Voimassa nyt');
	await row.locator('summary').click();
	await row.getByRole('button', { name: 'Kyllä, peru pääsy' }).click();
	await expect(row).toContainText('Peruttu');
});

// The partner's home lists its children a page at a time and finds one by name with a
// POST, so the name never enters the address (issue 13).
test('a partner finds a child by name; an empty search says what to do', async ({
	page,
	loginAs
}) => {
	await loginAs('partner');
	await page.getByRole('button', { name: 'Hae', exact: true }).click();
	await expect(page.locator('.error-summary a')).toHaveText([/^Etu- tai sukunimen alku: /]);
	await expectAccessible(page);
	await page.getByRole('textbox', { name: 'Etu- tai sukunimen alku' }).fill('hiltu');
	await page.getByRole('button', { name: 'Hae', exact: true }).click();
	await expect(
		page.getByRole('heading', { name: /Lapset, joiden nimi alkaa ”hiltu”/ })
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Hiltunen, Helmi' })).toBeVisible();
	expect(page.url()).not.toContain('hiltu');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Näytä kaikki lapset' }).click();
	await expect(
		page.getByRole('heading', { name: /Lapset, joihin organisaatiollasi/ })
	).toBeVisible();
});
