import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/*
 * A name or a place is one long word as often as not (a double-barrelled surname typed
 * without a space, a unit's official name), and a page must still fit the narrowest phone
 * (320 px) without sideways scrolling. Two such words once widened their pages: the
 * child's own data, in a terms list whose column's minimum was the longest word (829 px),
 * and an organisation among a consultation's invitees, in a fieldset, which is as wide as
 * its widest content unless told otherwise (685 px).
 */
const NARROWEST = { width: 320, height: 740 };
const letter = () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)];

/** A child of the social worker's team with a long given name, surname and home town. */
async function makeLongNamedChild(page: Page) {
	const family = `Pitkänen${letter()}${letter()}${'x'.repeat(80)}`;
	await page.goto('/children/new');
	await page
		.getByLabel('Etunimi')
		.fill('Aleksandriinamariaelisabetmargareetaviktoriaadelaidekatariinailona');
	await page.getByLabel('Sukunimi').fill(family);
	await page.getByLabel('Syntymäaika').fill('2015-05-05');
	await page.getByLabel('Kotikunta').fill('Järvenpää'.repeat(10));
	await page.getByLabel('Vastuusosiaalityöntekijä').selectOption({ index: 1 });
	await page.getByRole('button', { name: 'Lisää' }).click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}\?saved=/);
	await expect(page.locator('h1')).toContainText(family);
	return { path: new URL(page.url()).pathname, family };
}

test('a child with long unbroken names fits a 320 px screen on every page of the record', async ({
	page,
	loginAs
}) => {
	await loginAs('social_worker');
	await page.setViewportSize(NARROWEST);
	const child = await makeLongNamedChild(page);
	await expectAccessible(page);
	for (const sub of ['/summary', '/edit', '/phase', '/guardians']) {
		await page.goto(child.path + sub);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectAccessible(page);
	}
	// Where the child is listed.
	await page.goto('/children');
	await expect(page.getByRole('link', { name: new RegExp(child.family) })).toBeVisible();
	await expectAccessible(page);
});

test("an organisation's long name fits a 320 px screen among a consultation's invitees", async ({
	page,
	loginAs
}) => {
	const school = `Koulunoppilashuoltojaerityisopetuksenyhteispalvelukeskus${Date.now()}`;
	await loginAs('admin');
	await page.goto('/admin/organisations/new');
	await page.locator('#name').fill(school);
	await page.locator('#kind').selectOption('school');
	await page.locator('main form button[type="submit"]').click();
	await expect(page).toHaveURL(/\/admin\/organisations\?saved=1/);

	await loginAs('social_worker');
	const child = await makeLongNamedChild(page);
	await page.goto(`${child.path}/consultations/new`);
	await page.locator('#question').fill('Miten tuemme lasta koulussa?');
	await page.getByLabel('Tavallinen').check();
	await page.getByRole('button', { name: 'Lähetä pyyntö' }).click();
	await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}\?saved=requested$/);
	const consultation = new URL(page.url()).pathname;

	// The coordinator invites: the organisation is a choice, listed or, where the region
	// has too many to list (other tests add some), found by name.
	await loginAs('coordinator');
	await page.setViewportSize(NARROWEST);
	await page.goto(consultation);
	const search = page.getByLabel('Hae muita organisaatioita');
	if (await search.count()) {
		await search.fill(school);
		await page.getByRole('button', { name: 'Hae organisaatioita' }).click();
	}
	await expect(page.getByLabel(school)).toBeVisible();
	await expectAccessible(page);
});
