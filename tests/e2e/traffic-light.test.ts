import { expect, expectAccessible, test } from './fixtures';

// Demo child 0 (Aino Mäkinen) is green: only the school has assessed, nothing above 1.
test('a school rating S1 = 3 turns a green child red, with the reason named', async ({
	page,
	loginAs
}) => {
	await loginAs('consultant_social_worker');
	await page.goto('/children');
	await page.getByRole('link', { name: 'Mäkinen, Aino' }).click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
	const childUrl = page.url();
	await expect(page.locator('#status-title + p .badge')).toContainText('Vihreä');
	await loginAs('partner');
	await page.goto(`${childUrl}/assessments/new`);
	// Hydrated first: a choice made before would be reset by the form taking over the page.
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await page.locator('#r_S1-3').check();
	await page.locator('#e_S1').fill('Lapsi kertoi väkivallasta kotona.');
	await page.locator('#familyInformed').check();
	await page.locator('button[formaction="?/submit"]').click();
	await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]+\?saved=submitted$/);
	// The partner sees the combined colour and the rule behind it by domain, never an
	// organisation, an item or a rating (issue 12 A7).
	await page.goto(childUrl);
	await expect(page.locator('#status-title + p .badge')).toContainText('Punainen');
	const partnerReasons = page.getByTestId('reasons');
	await expect(partnerReasons).toHaveText(
		'Punainen, koska jokin kohta on arvioitu 3 (välitön tai intensiivinen tarve). Osa-alueet: Turvallisuus.'
	);
	await expect(partnerReasons).not.toContainText('koulu');
	await expect(partnerReasons).not.toContainText('S1');
	await loginAs('consultant_social_worker');
	await page.goto(childUrl);
	await expect(page.locator('#status-title + p .badge')).toContainText('Punainen');
	const today = new Intl.DateTimeFormat('fi', {
		dateStyle: 'short',
		timeZone: 'Europe/Helsinki'
	}).format(new Date());
	// Each reason names its rule in plain words, then what met it.
	await expect(page.getByTestId('reasons')).toContainText(
		`Punainen, koska jokin kohta on arvioitu 3 (välitön tai intensiivinen tarve). S1 Väkivalta tai sen uhka kotona: arvio 3, Koivurannan koulu ${today}.`
	);
	await expect(page.locator('.history')).toContainText('Vihreä → Punainen');
	// The grid shows who said what: the school's 3 on S1, and the combined 3.
	await expect(page.locator('td[data-item="S1"][data-org="Koivurannan koulu"] a')).toHaveText('3');
	await expect(page.getByRole('row', { name: /S1 Väkivalta/ })).toContainText('3');
	await expectAccessible(page);
});

// Demo child 1 (Eetu) is green on the rules; the consultant records a team decision.
test('the consultant sets a team override; the computed colour stays beside it', async ({
	page,
	loginAs
}) => {
	await loginAs('social_worker');
	await page.goto('/children');
	await page.getByRole('link', { name: /, Eetu$/ }).click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
	const childUrl = page.url();
	// Only the consultant social worker is offered the override.
	await expect(page.getByRole('link', { name: 'Aseta tila tiimin päätöksellä' })).toHaveCount(0);
	await loginAs('consultant_social_worker');
	await page.goto(childUrl);
	await page.getByRole('link', { name: 'Aseta tila tiimin päätöksellä' }).click();
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await page.getByRole('button', { name: 'Tallenna päätös' }).click();
	// A failed form: a summary at the top links to each field; nothing is saved.
	const summary = page.locator('.error-summary');
	await expect(summary).toBeVisible();
	await expect(summary.getByRole('link')).toHaveCount(3);
	await expectAccessible(page);

	await page.locator('#colour').selectOption('yellow');
	await page.locator('#reason').fill('Kotikäynnillä huoli oli suurempi kuin arvioissa.');
	const inAWeek = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(
		new Date(Date.now() + 7 * 86400_000)
	);
	await page.locator('#reviewOn').fill(inAWeek);
	await page.getByRole('button', { name: 'Tallenna päätös' }).click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}\?saved=override$/);
	const override = page.getByTestId('override');
	await expect(override).toContainText('Tiimin päätös');
	await expect(override).toContainText('Keltainen');
	await expect(override).toContainText('Laskettu tila');
	await expect(override).toContainText('Vihreä');
	await expect(page.locator('.history')).toContainText('tiimin päätös: Kotikäynnillä');
	await expectAccessible(page);
});
