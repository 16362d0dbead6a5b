import type { Locator, Page } from '@playwright/test';
import { makeHetu } from '../../src/lib/domain/hetu';
import { addChild, askForConsultation, expect, fillSchedule, test } from './fixtures';

/*
 * A new record posted twice is made once (ADR 052): a double press while the first post is
 * on its way (the page's script ignores the second), and the same post sent again after its
 * answer was lost (the server knows the form's one-time key, and answers with the page the
 * first post went to). Chromium without JavaScript sends a double press once; other
 * browsers and retrying proxies may not, and the server's answer is the same for them. A
 * change of a versioned record sent again is answered the same way, its version its key.
 */

/** The new child's form filled in (Finnish labels), with `family` as the family name. */
async function fillNewChild(page: Page, family: string) {
	await page.getByLabel('Etunimi').fill('Kaisa');
	await page.getByLabel('Sukunimi').fill(family);
	await page.getByLabel('Syntymäaika').fill('2017-07-07');
	await page.getByLabel('Kotikunta').fill('Tuusula');
	await page.getByLabel('Vastuusosiaalityöntekijä').selectOption({ index: 1 });
}

/**
 * The form sent as the browser would send it, but its answer lost (a dropped connection):
 * the fields posted (its key among them) and where the server answered it would go.
 */
async function sendAsLost(page: Page, form: Locator) {
	const action = new URL((await form.getAttribute('action')) ?? '', page.url());
	const fields: [string, string][] = await form.evaluate((f: HTMLFormElement) =>
		[...new FormData(f)].map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : ''])
	);
	const lost = await page.request.post(action.pathname + action.search, {
		form: Object.fromEntries(fields) as Record<string, string>,
		headers: { origin: action.origin, accept: 'text/html' },
		maxRedirects: 0
	});
	return { fields, status: lost.status(), location: lost.headers()['location']! };
}

/** How many children the team's search finds by `family` (the search works without scripts). */
async function expectFound(page: Page, family: string, count: number) {
	await page.goto('/children');
	await page.getByLabel('Nimi tai henkilötunnus').fill(family);
	await page.getByRole('button', { name: 'Hae', exact: true }).click();
	await expect(page.locator('#results')).toHaveText(`Hakutulokset: ${count}`);
}

test('pressing save twice while the first press is on its way adds the child once', async ({
	page,
	loginAs
}) => {
	await loginAs('social_worker');
	const family = `Kahdestipainettu${Date.now()}`;
	await page.goto('/children/new');
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await fillNewChild(page, family);
	// The server answers slowly, as on a poor connection: the second press comes first.
	await page.route('**/children/new?/create', async (route) => {
		await new Promise((r) => setTimeout(r, 800));
		await route.continue();
	});
	await page.getByRole('button', { name: 'Lisää' }).dblclick();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}\?saved=/);
	await expectFound(page, family, 1);
});

test('the same post sent again after its answer was lost adds the child once', async ({
	page,
	loginAs
}) => {
	await loginAs('social_worker');
	const family = `Uudelleenlähetetty${Date.now()}`;
	await page.goto('/children/new');
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await fillNewChild(page, family);
	// It arrived and was saved, its one-time key among the fields, but the answer never came
	// back (a dropped connection).
	const lost = await sendAsLost(page, page.locator('main form'));
	expect(lost.fields.filter(([k]) => k === '_once')).toHaveLength(1);
	expect(lost.status).toBe(303);
	const made = lost.location;
	expect(made).toMatch(/^\/children\/[0-9a-f-]{36}\?saved=/);
	// The person presses the button again: the same post, sent to the child already made.
	await page.getByRole('button', { name: 'Lisää' }).click();
	await expect(page).toHaveURL(made);
	await expectFound(page, family, 1);
});

test('after a save that stays on the page, the form has a new key: the next one is saved too', async ({
	page,
	loginAs
}) => {
	await loginAs('social_worker');
	await page.getByRole('link', { name: /, / }).first().click();
	await page.getByRole('link', { name: 'Huoltajat' }).click();
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	const form = page.locator('form', { has: page.getByRole('button', { name: 'Lisää huoltaja' }) });
	const key = form.locator('input[name="_once"]');
	const before = await key.inputValue();
	expect(before).toMatch(/^[0-9a-f-]{36}$/);
	await page.getByLabel('Nimi').fill('Ville Avaintesti');
	await page
		.getByLabel('Henkilötunnus')
		.fill(makeHetu('1984-04-04', 900 + Math.floor(Math.random() * 99)));
	await page.getByLabel('suomi').check();
	await page.getByRole('button', { name: 'Lisää huoltaja' }).click();
	await expect(page.getByRole('status')).toHaveText('Huoltaja lisättiin.');
	await expect(key).not.toHaveValue(before);
	expect(await key.inputValue()).toMatch(/^[0-9a-f-]{36}$/);
});

test("a consultation's schedule sent again after its answer was lost is answered with the saved page", async ({
	page,
	loginAs
}) => {
	await loginAs('social_worker');
	const child = await addChild(page, {
		givenName: 'Kaisa',
		familyName: `Aikataulutettu${Date.now()}`,
		dateOfBirth: '2017-07-07',
		home: 'Tuusula'
	});
	const consultation = await askForConsultation(page, child, 'Kuka tulee mukaan?');

	await loginAs('coordinator');
	await page.goto(consultation);
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await fillSchedule(page, 'Neuvotteluhuone Koivu');
	await page.locator('#participantUserIds').check();
	// It arrived and was saved, the version the page was drawn from among the fields, but the
	// answer never came back.
	const lost = await sendAsLost(page, page.locator('form', { has: page.locator('#scheduledAt') }));
	expect(lost.fields.filter(([k]) => k === 'version')).toHaveLength(1);
	expect(lost.status).toBe(303);
	const saved = lost.location;
	expect(saved).toMatch(/\?saved=schedule$/);
	// Pressed again: the saved page, not "changed meanwhile" (which it said before).
	await page.getByRole('button', { name: 'Tallenna aika ja kutsu' }).click();
	await expect(page).toHaveURL(saved);
	await expect(page.getByTestId('state')).toHaveText('aika sovittu');
	await expect(page.getByText('Joku muu tallensi nämä tiedot sillä välin')).toHaveCount(0);
});
