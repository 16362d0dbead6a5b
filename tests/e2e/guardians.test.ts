import { makeHetu } from '../../src/lib/domain/hetu';
import { expect, expectAccessible, test } from './fixtures';

/** The team records a child's guardian (docs/domain.md §11), by the page's Finnish names. */
test('the social worker records a guardian, shown with the identity code masked', async ({
	page,
	loginAs
}) => {
	await loginAs('social_worker');
	await page.getByRole('link', { name: /, / }).first().click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
	await page.getByRole('link', { name: 'Huoltajat' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Huoltajat');
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await expectAccessible(page);

	// An invalid code: the error summary links to the field.
	await page.getByLabel('Nimi').fill('Maija Meikäläinen');
	await page.getByLabel('Henkilötunnus').fill('010101-0000');
	await page.getByLabel('suomi').check();
	await page.getByRole('button', { name: 'Lisää huoltaja' }).click();
	await expect(page.locator('.error-summary')).toBeVisible();
	await expectAccessible(page);

	const code = makeHetu('1985-05-20', 900 + Math.floor(Math.random() * 99));
	await page.getByLabel('Henkilötunnus').fill(code);
	await page.getByRole('button', { name: 'Lisää huoltaja' }).click();
	await expect(page.getByRole('status')).toHaveText('Huoltaja lisättiin.');
	const row = page.getByRole('row', { name: /Maija Meikäläinen/ });
	await expect(row).toContainText(`${code.slice(0, 7)}****`);
	await expect(page.locator('main')).not.toContainText(code);
	await expectAccessible(page);

	// Restricting her access to the family pages: a reason and a review date, then lifting it.
	await page.getByLabel('Huoltaja', { exact: true }).selectOption({ label: 'Maija Meikäläinen' });
	await page.getByLabel('Perustelu').fill('Lapsen etu vaatii tämän toistaiseksi.');
	const review = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('Tarkistuspäivä').fill(review);
	await page.getByRole('button', { name: 'Rajoita pääsyä' }).click();
	await expect(page.getByRole('status')).toContainText('Huoltajan pääsyä rajoitettiin.');
	await expect(page.getByRole('row', { name: /Maija Meikäläinen/ })).toContainText('Rajoitettu');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Poista rajoitus: Maija Meikäläinen' }).click();
	await expect(page.getByRole('status')).toHaveText('Rajoitus poistettiin.');
	await expect(page.getByRole('row', { name: /Maija Meikäläinen/ })).toContainText('Sallittu');
});
