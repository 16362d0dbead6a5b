import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * On a slow connection a page is shown, and can be filled in, before its scripts have
 * arrived. When they arrive the page "hydrates": the components take over the fields the
 * server drew. What a person chose meanwhile must survive that, or the post is missing it
 * and comes back with an error (or, for an optional choice, goes in without it). Text
 * fields always kept their text; a radio choice and a ticked box were once cleared.
 */

/**
 * Opens `path` with the page's scripts held back; the returned function lets them load and
 * waits until the page has hydrated.
 */
async function openBeforeScripts(page: Page, path: string) {
	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	const scripts = '**/_app/immutable/**/*.js';
	await page.route(scripts, async (route) => {
		await released;
		await route.continue();
	});
	await page.goto(path, { waitUntil: 'commit' });
	await page.locator('main form').first().waitFor();
	await expect(page.locator('body[data-hydrated]')).toHaveCount(0);
	return async () => {
		release();
		await page.locator('body[data-hydrated="true"]').waitFor();
		await page.unroute(scripts);
	};
}

test('a child added and a consultation asked for before the scripts arrive keep every field', async ({
	page,
	loginAs
}) => {
	await loginAs('social_worker');
	const family = `Ennenskriptejä${Date.now()}`;
	let hydrate = await openBeforeScripts(page, '/children/new');
	await page.getByLabel('Etunimi').fill('Ilona');
	await page.getByLabel('Sukunimi').fill(family);
	await page.getByLabel('Syntymäaika').fill('2016-06-06');
	await page.getByLabel('Kotikunta').fill('Järvenpää');
	await page.getByLabel('Vastuusosiaalityöntekijä').selectOption({ index: 1 });
	const worker = await page.getByLabel('Vastuusosiaalityöntekijä').inputValue();
	await hydrate();
	await expect(page.getByLabel('Sukunimi')).toHaveValue(family);
	await expect(page.getByLabel('Vastuusosiaalityöntekijä')).toHaveValue(worker);
	await page.getByRole('button', { name: 'Lisää' }).click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}\?saved=/);
	const child = new URL(page.url()).pathname;

	hydrate = await openBeforeScripts(page, `${child}/consultations/new`);
	await page.locator('#question').fill('Miten tuemme lasta koulussa?');
	await page.getByLabel('Kiireellinen', { exact: true }).check();
	await hydrate();
	await expect(page.locator('#question')).toHaveValue('Miten tuemme lasta koulussa?');
	await expect(page.getByLabel('Kiireellinen', { exact: true })).toBeChecked();
	await page.getByRole('button', { name: 'Lähetä pyyntö' }).click();
	await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}\?saved=requested$/);
	await expect(page.getByText('Kiireellinen', { exact: true }).first()).toBeVisible();
	const consultation = new URL(page.url()).pathname;

	// The coordinator ticks who takes part before the page's scripts have arrived.
	await loginAs('coordinator');
	hydrate = await openBeforeScripts(page, consultation);
	const invitees = page.locator('fieldset', { has: page.locator('input[type="checkbox"]') });
	const first = invitees.first().locator('input[type="checkbox"]').first();
	await first.check();
	await hydrate();
	await expect(first).toBeChecked();
});
