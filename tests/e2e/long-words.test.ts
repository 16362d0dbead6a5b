import { expect, expectAccessible, test } from './fixtures';

/**
 * A name or a place is one long word as often as not ("Järvenpää-Kuusamo" typed without a
 * space, a double-barrelled surname, a unit's long name), and the page must still fit the
 * narrowest phone (320 px) without sideways scrolling. The child's own data, as a list of
 * terms, once widened its page to 829 px: a grid column whose minimum was the longest word.
 */
test('a child with long unbroken names fits a 320 px screen on every page of the record', async ({
	page,
	loginAs
}) => {
	await loginAs('social_worker');
	await page.setViewportSize({ width: 320, height: 740 });
	const given = 'Aleksandriinamariaelisabetmargareetaviktoriaadelaidekatariinailona';
	const family = `Pitkänen${'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]}${'x'.repeat(80)}`;
	await page.goto('/children/new');
	await page.getByLabel('Etunimi').fill(given);
	await page.getByLabel('Sukunimi').fill(family);
	await page.getByLabel('Syntymäaika').fill('2015-05-05');
	await page.getByLabel('Kotikunta').fill('Järvenpää'.repeat(10));
	await page.getByLabel('Vastuusosiaalityöntekijä').selectOption({ index: 1 });
	await page.getByRole('button', { name: 'Lisää' }).click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}\?saved=/);
	await expect(page.locator('h1')).toContainText(family);
	const child = new URL(page.url()).pathname;
	await expectAccessible(page);
	for (const sub of ['/summary', '/edit', '/phase', '/guardians']) {
		await page.goto(child + sub);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectAccessible(page);
	}
	// Where the child is listed.
	await page.goto('/children');
	await expect(page.getByRole('link', { name: new RegExp(family) })).toBeVisible();
	await expectAccessible(page);
});
