import { expect, expectAccessible, test } from './fixtures';

/** A family name no other test or demo child has, in letters only (names take no digits). */
const uniqueName = () =>
	'Ilmoitus' +
	Array.from(
		{ length: 6 },
		() => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]
	).join('');

test("a partner's notification reaches intake with its 7-day clock, is decided, and the child becomes a client", async ({
	page,
	loginAs
}) => {
	const familyName = uniqueName();

	// The school reports a child that is not yet the team's client.
	await loginAs('partner');
	await page.getByRole('link', { name: 'Tee lastensuojeluilmoitus' }).first().click();
	await expect(page.locator('h1')).toHaveText('Tee lastensuojeluilmoitus');
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await expectAccessible(page);
	await page
		.getByLabel('Lastensuojelun tiimi')
		.selectOption({ label: 'Systeeminen tiimi Pohjoinen' });
	await page.getByLabel('Etunimi').fill('Aada');
	await page.getByLabel('Sukunimi').fill(familyName);
	await page.getByLabel('Syntymäaika').fill('2016-04-12');
	await page
		.getByLabel('Lyhyt kuvaus')
		.fill('Lapsi kertoi opettajalle, että kotona on ollut pelottavaa viikonloppuna.');
	await page.getByRole('button', { name: 'Lähetä ilmoitus' }).click();
	// A receipt, not the child's record (§3): the reference, the office, whom to contact.
	await expect(page).toHaveURL(/\/intake\/sent\/[0-9a-f-]{36}\?saved=filed$/);
	await expect(page.getByRole('status')).toContainText('Ilmoitus lähetettiin');
	await expect(page.locator('h1')).toHaveText('Vastaanottokuittaus: Lastensuojeluilmoitus');
	const reference = (await page.locator('dd strong').first().textContent())!.trim();
	expect(reference).toMatch(/^LS-\d{6}$/);
	await expect(page.locator('dl')).toContainText('Systeeminen tiimi Pohjoinen');
	await expect(page.getByRole('link', { name: new RegExp(familyName) })).toHaveCount(0);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Ilmoitusten kuittaukset' }).first().click();
	await expect(page.getByRole('row', { name: new RegExp(reference) })).toContainText(familyName);
	await expectAccessible(page);

	// The social worker sees it in intake with the decision clock running.
	await loginAs('social_worker');
	await page.getByRole('link', { name: 'Vastaanotto' }).first().click();
	await expect(page.locator('h1')).toHaveText('Vastaanotto');
	const row = page.getByRole('row', { name: new RegExp(familyName) });
	await expect(row).toContainText('Yhteydenotto');
	await expect(row).toContainText('Ei vielä arvioitu');
	await expect(row).toContainText(/arkipäivää? jäljellä/);
	await expectAccessible(page);

	// The decision: a needs assessment starts, with the social worker responsible.
	await row.getByRole('link', { name: 'Lastensuojeluilmoitus' }).click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}\/contacts\/[0-9a-f-]{36}$/);
	// Whose case it is, before a statutory decision is recorded.
	await expect(page.locator('h1')).toHaveText(`Lastensuojeluilmoitus: Aada ${familyName}`);
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await expectAccessible(page);
	await page.getByLabel('Aloitetaan palvelutarpeen arviointi').check();
	await page
		.getByLabel('Vastuusosiaalityöntekijä')
		.selectOption({ label: await optionStartingWith(page, 'Vastuusosiaalityöntekijä', 'Mikko') });
	await page.getByRole('button', { name: 'Tallenna päätös' }).click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}\?saved=decision/);
	await expect(page.getByRole('status').first()).toContainText('Päätös tallennettiin');
	const path = page.locator('#path-title + dl');
	await expect(path).toContainText('Palvelutarpeen arviointi');
	await expectAccessible(page);

	// When the assessment is done, the child becomes a client.
	await page.getByRole('link', { name: 'Vaihda vaihetta' }).click();
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await expectAccessible(page);
	await page.getByLabel('Avohuollon asiakas').check();
	await page.getByRole('button', { name: 'Vaihda vaihe' }).click();
	// A client counts in the worker's caseload (13 b §): the demo's worker is over 20, so warned.
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}\?saved=phase&caseload=\d+$/);
	await expect(page.getByText(/enemmän kuin suositeltu/)).toBeVisible();
	await expect(path).toContainText('Avohuollon asiakas');
	// The 3-month clock was met today, and the first client plan's clock runs (30 §).
	await expect(page.locator('main')).toContainText('Asiakassuunnitelma (30 §)');

	// The client plan, made with the family in Swedish and printed in it.
	await page.getByRole('link', { name: 'Asiakassuunnitelma', exact: true }).click();
	await expect(page.locator('h1')).toHaveText('Asiakassuunnitelma');
	await expect(page.getByText('Asiakassuunnitelmaa ei ole vielä tehty.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Tee asiakassuunnitelma' }).click();
	await expect(page.locator('h1')).toHaveText('Uusi asiakassuunnitelman versio');
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await expectAccessible(page);
	await page.getByLabel('Suunnitelman kieli').selectOption({ label: 'svenska' });
	await page.getByLabel('Lapsen ja perheen tilanne').fill('Familjen har flyttat till staden.');
	await page.getByLabel('Tavoitteet').fill('Aada går i skolan varje dag.');
	await page
		.getByLabel('Palvelut ja tukitoimet sekä kuka ne järjestää')
		.fill('Familjearbete – staden\nStödperson – föreningen');
	await page.getByLabel('Lapsen oma näkemys').fill('Jag vill ha en vuxen att prata med.');
	await page
		.getByLabel('Päivä, jona lasta kuultiin (valinnainen)')
		.fill(await page.getByLabel('Suunnitelman päivä').inputValue());
	await page.getByLabel('Vanhempien näkemys').fill('Vi behöver stöd på kvällarna.');
	await page.getByLabel('Miten perhe osallistuu').fill('Familjen kommer till teamets möte.');
	await page.getByRole('button', { name: 'Tallenna asiakassuunnitelma' }).click();
	await expect(page).toHaveURL(/\/plan\/[0-9a-f-]{36}\?saved=client_plan$/);
	const plan = page.locator('article');
	await expect(plan).toHaveAttribute('lang', 'sv');
	await expect(plan.locator('h1')).toHaveText(`Klientplan: Aada ${familyName}`);
	await expect(plan).toContainText('Stödperson – föreningen');
	await expect(plan).toContainText('Planen granskas senast');
	await expectAccessible(page);
});

test('the caseload page shows one worker over the recommendation; the family summary prints', async ({
	page,
	loginAs
}) => {
	await loginAs('consultant_social_worker');
	await page.getByRole('link', { name: 'Asiakasmäärät' }).first().click();
	await expect(page.locator('h1')).toHaveText('Työntekijöiden asiakasmäärät');
	await expect(page.getByRole('row', { name: /Mikko/ })).toContainText('yli suosituksen');
	await expectAccessible(page);
	await page.getByRole('link', { name: /Mikko/ }).click();
	await expect(page.getByRole('heading', { level: 2 })).toContainText(
		/asiakasta ja \d+ palvelutarpeen arviointia/
	);
	await expectAccessible(page);

	await page.goto('/');
	await page.getByRole('link', { name: /, / }).first().click();
	await page.getByRole('link', { name: 'Yhteenveto perheelle' }).click();
	await expect(page.locator('h1')).toContainText('Yhteenveto:');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'på svenska' }).click();
	await expect(page.locator('article h1')).toContainText('Sammanfattning:');
	await expect(page.locator('article')).toHaveAttribute('lang', 'sv');
	await expectAccessible(page);
});

/** The label of the first option in the select labelled `label` that starts with `start`. */
async function optionStartingWith(
	page: import('@playwright/test').Page,
	label: string,
	start: string
) {
	const options = await page.getByLabel(label).locator('option').allTextContents();
	const found = options.find((o) => o.trim().startsWith(start));
	expect(found, `an option starting with ${start}`).toBeTruthy();
	return found!.trim();
}

// §10: demo child 5 (Leo Rautio) was placed in emergency 26 days ago. The team extends the
// placement once by a decision, then moves the child to a care order without leaving the
// placement phase.
test('emergency placement → extension → care order, the end always in sight', async ({
	page,
	loginAs
}) => {
	await loginAs('consultant_social_worker');
	await page.goto('/children');
	await page.getByRole('link', { name: 'Rautio, Leo' }).click();
	await page.getByRole('link', { name: 'Vaihda vaihetta' }).click();
	await expect(page.locator('h1')).toHaveText('Vaihda vaihetta');
	const emergency = page.locator('section[aria-labelledby="emergency-title"]');
	await expect(emergency).toContainText('Sijoitus päättyy viimeistään');
	await expect(emergency).toContainText(/arkipäivää? jäljellä|myöhässä/);
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await expectAccessible(page);

	// Too long first: the error says so and nothing changes.
	const end = (await emergency.locator('p').first().textContent())!;
	const [d, mo, y] = /(\d+)\.(\d+)\.(\d{4})/.exec(end)!.slice(1).map(Number) as [
		number,
		number,
		number
	];
	const plus = (days: number) => new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
	await page.getByLabel('Sijoitus päättyy viimeistään').fill(plus(31));
	await page.getByRole('button', { name: 'Tallenna jatkamispäätös' }).click();
	await expect(page.locator('.error-summary')).toContainText('enintään 30 päivällä');
	await expectAccessible(page);
	await page.getByLabel('Sijoitus päättyy viimeistään').fill(plus(30));
	await page.getByRole('button', { name: 'Tallenna jatkamispäätös' }).click();
	await expect(page.locator('section[aria-labelledby="emergency-title"]')).toContainText(
		'jatkettiin päätöksellä'
	);
	await expect(page.getByRole('button', { name: 'Tallenna jatkamispäätös' })).toHaveCount(0);

	// Then the care order: the child stays placed, the emergency clock is met.
	await page.getByLabel('Sijoituksen laji').selectOption({ label: 'Huostaanotto (40 §)' });
	await page.getByLabel('Muu sijoituspaikka').fill('Perhekoti Järvelä');
	await page.getByRole('button', { name: 'Tallenna sijoituksen muutos' }).click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}\?saved=phase$/);
	await expect(page.getByRole('status')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Vaihda vaihetta' }).click();
	await expect(page.locator('section[aria-labelledby="emergency-title"]')).toHaveCount(0);
	await expectAccessible(page);
});
