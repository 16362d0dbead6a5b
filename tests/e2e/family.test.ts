import { expect, expectAccessible, readIn, test } from './fixtures';

/**
 * The family's own pages (DOMAIN §11–12) through the demo's Suomi.fi stand-in, which the
 * test server runs beside the app (DEMO_PROVIDER): its one page picks the person, the rest
 * is a real OpenID Connect round trip with strong identification and an identity code.
 */
test.use({ storageState: { cookies: [], origins: [] } });

async function identify(page: import('@playwright/test').Page, name: string) {
	await page.goto('/family/login');
	await page.getByRole('link', { name: 'Tunnistaudu Suomi.fi-palvelussa' }).click();
	await page.getByRole('button', { name }).click();
}

test.describe("the family's pages", () => {
	test('the young person reads their own summary, plan and who has read their data', async ({
		page
	}) => {
		await page.goto('/family/login');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Perheen sivut');
		await expectAccessible(page);
		await identify(page, 'Väinö Huttunen');
		await expect(page).toHaveURL('/family');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Omat tietosi' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Yhteenveto: Väinö Huttunen');
		await expect(page.getByRole('heading', { name: 'Asiakassuunnitelma' })).toBeVisible();
		await expectAccessible(page);

		// What he wants the team to know: sent, and listed as his own words.
		await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
		await page.getByLabel('Viestisi tiimille').fill('Haluaisin olla itse mukana tapaamisessa.');
		await page.getByRole('button', { name: 'Lähetä tiimille' }).click();
		await expect(page.getByRole('status')).toHaveText('Viestisi lähetettiin tiimille.');
		await expect(page.getByText('Haluaisin olla itse mukana tapaamisessa.')).toBeVisible();
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Kuka on lukenut tietojamme' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kuka on lukenut tietojamme');
		// The reader's own visit a moment ago is there, in plain words.
		await expect(page.getByText('Sinä itse').first()).toBeVisible();
		await expect(page.getByRole('button', { name: 'Tulosta' })).toBeVisible();
		await expectAccessible(page);
		for (const [locale, heading] of [
			['sv', 'Vem har läst våra uppgifter'],
			['en', 'Who has read our information']
		] as const) {
			await readIn(page, locale);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await expectAccessible(page);
		}
		await readIn(page, 'fi');

		// No staff page opens for a family session.
		expect((await page.goto('/children'))?.status()).toBe(404);
		await page.goto('/family');
		await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
		await expect(page.getByRole('status')).toHaveText('Olet kirjautunut ulos perheen sivuilta.');
		await page.goto('/family');
		await expect(page).toHaveURL(/\/family\/login/);
	});

	test("the young person's own view is a column of the team's grid, and a difference is raised", async ({
		page,
		pageAs
	}) => {
		await identify(page, 'Väinö Huttunen');
		await page.getByRole('link', { name: 'Omat tietosi' }).click();
		await page.getByRole('link', { name: 'Kerro oma näkemyksesi' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oma näkemykseni');
		await expect(page.getByText('Jos olet vaarassa nyt, soita 112')).toBeVisible();
		await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
		await expectAccessible(page);

		// Sent with one statement unanswered: the summary links to it, nothing is stored.
		const statement = (text: string) => page.getByRole('group', { name: text });
		// "Not really true": he is not safe (§11), which the team must triage in a working day.
		await statement('Olen turvassa kotona ja muualla, missä vietän aikaa.')
			.getByLabel('Ei oikein totta', { exact: true })
			.check();
		await page.getByRole('button', { name: 'Lähetä vastaukset' }).click();
		await expect(page.locator('.error-summary')).toBeVisible();
		await expectAccessible(page);

		// The school rated learning 1; he says school does not go well at all (3).
		for (const [text, answer] of [
			['Voin hyvin ja nukun tarpeeksi.', 'Melkein totta'],
			['Pärjään tunteideni kanssa.', 'Melkein totta'],
			['Koulu tai opiskelu sujuu minulta.', 'Ei totta ollenkaan'],
			['Minulla on ihmisiä, joiden kanssa minun on hyvä olla.', 'Totta'],
			['Alkoholi tai huumeet eivät ole minulle ongelma.', 'En halua vastata'],
			['Aikuiset kotona pitävät minusta huolta.', 'Totta']
		] as const)
			await statement(text).getByLabel(answer, { exact: true }).check();
		await page.getByRole('button', { name: 'Lähetä vastaukset' }).click();
		await expect(page.getByRole('status')).toHaveText('Vastauksesi on lähetetty tiimille.');

		// The team: his answers as their own column, and the difference as a signal.
		const team = await pageAs('social_worker');
		await expect(team.getByRole('row', { name: /Huttunen, Väinö/ }).first()).toContainText(
			'nuori ei koe olevansa turvassa'
		);
		await team.getByRole('link', { name: 'Huttunen, Väinö' }).first().click();
		await expect(team.getByText(/^Nuori vastasi .*, ettei ole turvassa\./)).toBeVisible();
		await expect(team.getByRole('columnheader', { name: /Nuoren oma näkemys/ })).toBeVisible();
		await expect(team.getByRole('cell', { name: '3 Ei totta ollenkaan' })).toBeVisible();
		await expect(
			team.getByText(
				'Nuoren oma näkemys eroaa: Kehitys ja oppiminen – nuori 3 / ammattilaiset 1.',
				{
					exact: false
				}
			)
		).toBeVisible();
		await expectAccessible(team);
		// The flag is on the team's list, due in one working day.
		await team.goto('/flags');
		await expect(team.getByRole('row', { name: /Väinö/ }).first()).toContainText(
			'nuori kertoi, ettei ole turvassa'
		);
	});

	test('a guardian sees the child recorded with them', async ({ page }) => {
		await identify(page, 'Marja Huttunen');
		await expect(page).toHaveURL('/family');
		await expect(page.getByText('Huoltajana')).toBeVisible();
		await page.getByRole('link', { name: 'Väinö' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Yhteenveto: Väinö Huttunen');
		await expectAccessible(page);

		// The two questions about last week's client plan: answered once, then gone.
		await expect(page.getByText(/^Asiakassuunnitelma tehtiin /)).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Miten meni?' })).toBeVisible();
		await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
		await page
			.getByRole('group', { name: 'Tuliko näkemyksesi kuulluksi?' })
			.getByLabel('5 – täysin')
			.check();
		await page.getByRole('button', { name: 'Lähetä vastaus' }).click();
		await expect(page.locator('.error-summary')).toBeVisible();
		await expectAccessible(page);
		await page
			.getByRole('group', { name: 'Onko suunnitelma sinulle selkeä?' })
			.getByLabel('4', { exact: true })
			.check();
		await page.getByRole('button', { name: 'Lähetä vastaus' }).click();
		await expect(page.getByRole('status')).toHaveText('Kiitos vastauksestasi.');
		// Then the newest meeting that discussed him: asked once too.
		await expect(page.getByText(/^Tiimi keskusteli teidän asiastanne tapaamisessa /)).toBeVisible();
		for (const name of ['Tuliko näkemyksesi kuulluksi?', 'Onko suunnitelma sinulle selkeä?'])
			await page.getByRole('group', { name }).getByLabel('3', { exact: true }).check();
		await page.getByRole('button', { name: 'Lähetä vastaus' }).click();
		await expect(page.getByRole('status')).toHaveText('Kiitos vastauksestasi.');
		await expect(page.getByRole('heading', { name: 'Miten meni?' })).toHaveCount(0);
	});

	test('a young person of 16 asks that her words are kept from her guardians; the team sees it', async ({
		page,
		pageAs
	}) => {
		await identify(page, 'Venla Salmela');
		await page.getByRole('link', { name: 'Omat tietosi' }).click();
		await expect(page.getByRole('heading', { name: 'Omat sanasi ja huoltajat' })).toBeVisible();
		await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
		await page.getByRole('button', { name: 'Pyydä, ettei sanojani näytetä huoltajilleni' }).click();
		await expect(page.getByRole('status')).toHaveText('Pyyntösi tallennettiin.');
		await expect(
			page.getByText('Olet pyytänyt, ettei sanojasi näytetä huoltajillesi.')
		).toBeVisible();
		await expect(page.getByRole('button', { name: 'Peru pyyntö' })).toBeVisible();
		await expectAccessible(page);

		const team = await pageAs('social_worker');
		await team.getByRole('link', { name: 'Salmela, Venla' }).first().click();
		await expect(
			team.getByText('Nuori (15+) on pyytänyt, ettei hänen omia sanojaan näytetä huoltajille.')
		).toBeVisible();
		await expectAccessible(team);
	});

	test('a person who is nobody’s guardian is told plainly, in three languages', async ({
		page
	}) => {
		await identify(page, 'Olli Ulkopuolinen');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Sinulle ei ole tietoja täällä'
		);
		await expectAccessible(page);
		for (const [locale, heading] of [
			['sv', 'Det finns inga uppgifter för dig här'],
			['en', 'There is no information for you here']
		] as const) {
			await readIn(page, locale);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await expectAccessible(page);
		}
	});
});
