import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/** A datetime-local value in Finnish time, `days` from now at 14.00 (an hour ahead of any test). */
function localAt(days: number, hour = 14) {
	const d = new Date(Date.now() + days * 86_400_000);
	const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(d);
	return `${day}T${String(hour).padStart(2, '0')}:00`;
}

async function prepare(page: Page, at: string) {
	await page.goto('/team/meetings');
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await page.getByLabel('Kokouksen aika').fill(at);
	await page.getByRole('button', { name: 'Valmistele kokous' }).click();
	await expect(page).toHaveURL(/\/team\/meetings\/[0-9a-f-]{36}\?saved=meeting_prepared$/);
	await expect(page.getByRole('status').first()).toContainText('Kokous valmisteltiin');
	return page.url().split('?')[0]!;
}

test('the coordinator prepares, the consultant opens, a child is discussed, the next agenda carries the steps', async ({
	page,
	loginAs
}) => {
	await loginAs('coordinator');
	await page.getByRole('link', { name: 'Tiimikokoukset' }).first().click();
	await expect(page.locator('h1')).toHaveText('Tiimikokoukset');
	await expectAccessible(page);
	// The meeting's time is as wide as the other fields.
	const widths = await page
		.locator('main input:is([type="datetime-local"], [type="text"])')
		.evaluateAll((fields) => fields.map((f) => Math.round(f.getBoundingClientRect().width)));
	expect(widths.length).toBeGreaterThan(1);
	expect(new Set(widths).size, `field widths ${widths.join(', ')}`).toBe(1);
	const meetingUrl = await prepare(page, localAt(0, 23));
	// The agenda says why each child is there, in words, under §7's sections, each with
	// its number of children and its share of the meeting's time.
	await expect(page.locator('main')).toContainText('Kiertovuorossa');
	await expect(page.locator('main h3').first()).toHaveText(/\(\d+\), noin \d+ min$/);
	await expectAccessible(page);
	// One form reorders the whole agenda: the first child numbered last moves to the end.
	const names = page.locator('ol.agenda > li > p > a');
	const firstName = (await names.first().textContent())!;
	const numbers = page.locator('input[name^="position."]');
	await numbers.first().fill(String((await numbers.count()) + 1));
	await page.getByRole('button', { name: 'Tallenna järjestys' }).click();
	await expect(page).toHaveURL(/saved=agenda_moved$/);
	await expect(names.first()).not.toHaveText(firstName);
	await expect(names.last()).toHaveText(firstName);
	// The family is invited to the first child's discussion: the agenda says so (§11).
	await page
		.getByRole('button', { name: /^Kutsu perhe\b/ })
		.first()
		.click();
	await expect(page).toHaveURL(/saved=agenda_family$/);
	await expect(page.locator('ol.agenda > li').first()).toContainText('Perhe kutsuttu');
	await expect(page.getByRole('button', { name: /^Peru perheen kutsu\b/ })).toHaveCount(1);
	await expectAccessible(page);

	await loginAs('consultant_social_worker');
	await page.goto(meetingUrl);
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await page.getByRole('button', { name: 'Aloita kokous' }).click();
	await expect(page.getByRole('status').first()).toContainText('Kokous aloitettiin');

	// The first child on the agenda, on one screen with its status and grid.
	const first = page.locator('ol.agenda > li a').first();
	const childName = (await first.textContent())!.trim();
	await first.click();
	await expect(page.locator('h1')).toHaveText('Lapsen käsittely kokouksessa');
	await expect(page.locator('main')).toContainText('Liikennevalo');
	// Among several forms, the discussion's button says what it saves.
	await expect(page.getByRole('button', { name: 'Tallenna käsittely' })).toBeVisible();
	// The steps carried from earlier meetings come before the grid, not two screens below it.
	const order = await page
		.locator('#carried-title, #grid-title')
		.evaluateAll((headings) => headings.map((h) => h.id));
	expect(order).toEqual(['carried-title', 'grid-title']);
	await expectAccessible(page);
	// Earlier steps come first: settle any before new ones.
	const settle = page.getByRole('button', { name: 'Merkitse' });
	for (let left = await settle.count(); left > 0; left--) {
		await page.getByLabel('tehty', { exact: true }).first().check();
		await settle.first().click();
		await expect(settle).toHaveCount(left - 1);
	}
	await page
		.getByLabel('Hypoteesi', { exact: true })
		.fill('Lapsen väsymys liittyy iltojen levottomuuteen.');
	await page.getByRole('button', { name: 'Lisää hypoteesi' }).click();
	await expect(page.getByRole('status').first()).toContainText('Kirjaus tallennettiin');
	await expect(page.locator('#hypotheses-title + ul')).toContainText('iltojen levottomuuteen');
	for (const what of ['Kotikäynti illalla', 'Keskustelu opettajan kanssa']) {
		await page.getByLabel('Seuraava pieni askel').fill(what);
		await page.getByLabel('Kuka', { exact: true }).selectOption({ label: 'Mikko Saarinen' });
		await page.getByLabel('Mihin mennessä').fill(localAt(5).slice(0, 10));
		await page.getByRole('button', { name: 'Lisää askel' }).click();
		// Wait for the saved step in the list: the form is reset with the page's new data.
		await expect(page.locator('#steps-title + ul')).toContainText(what);
		await expect(page.getByLabel('Seuraava pieni askel')).toHaveValue('');
	}
	await expect(page.locator('main')).toContainText('Kotikäynti illalla');
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Takaisin kokoukseen' }).click();
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await page.getByRole('button', { name: 'Sulje kokous' }).click();
	await expect(page.getByRole('status').first()).toContainText('Kokous päätettiin');
	await expect(page.getByRole('button', { name: 'Aloita kokous' })).toHaveCount(0);
	await expectAccessible(page);

	// The next meeting: the child's unfinished steps are at the top of its discussion.
	await loginAs('coordinator');
	const next = await prepare(page, localAt(1, 23));
	if ((await page.locator('ol.agenda > li a', { hasText: childName }).count()) === 0) {
		await page.getByLabel('Lapsi', { exact: true }).selectOption({ label: childName });
		await page.getByLabel('Miksi lapsi käsitellään').fill('Askeleet');
		await page.getByRole('button', { name: 'Lisää asialistalle' }).click();
	}
	await page.goto(next);
	await page.locator('ol.agenda > li a', { hasText: childName }).first().click();
	const carried = page.locator('#carried-title + ul');
	await expect(carried).toContainText('Kotikäynti illalla');
	await expect(carried).toContainText('Keskustelu opettajan kanssa');
	await expect(carried).toContainText('avoin');
	await expectAccessible(page);
	// At a phone's width too, in Finnish (sv and en: the languages walk).
	await page.setViewportSize({ width: 375, height: 800 });
	await expectAccessible(page);
	await page.goto(next);
	await expectAccessible(page);
	await page.goto('/team/meetings');
	await expectAccessible(page);
});
