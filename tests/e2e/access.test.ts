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
	await page.locator('#basis').selectOption('notification');
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
