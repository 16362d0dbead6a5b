import { expect, expectAccessible, test } from './fixtures';
import { toHelsinkiLocal } from '../../src/lib/domain/time';

const inDays = (n: number) =>
	new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(
		new Date(Date.now() + n * 86400_000)
	);

// Demo child 13 (Topias) has no assessment yet; the school may assess him.

test('a red child is flagged, triaged to intensive substance work, and a plan step is done', async ({
	page,
	loginAs
}) => {
	await loginAs('partner');
	await page
		.getByRole('link', { name: /, Topias$/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
	const childUrl = page.url();
	await page.goto(`${childUrl}/assessments/new`);
	// Hydrated first: a choice made before would be reset by the form taking over the page.
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await page.locator('#r_S1-3').check();
	await page.locator('#e_S1').fill('Lapsi kertoi väkivallasta kotona.');
	await page.locator('#familyInformed').check();
	await page.locator('button[formaction="?/submit"]').click();
	await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]+\?saved=submitted$/);
	await expect(page.getByRole('status')).toContainText('tiimi näkee sen nyt');

	await loginAs('consultant_social_worker');
	// The new red flag is in the consultant's notifications and in the flag list.
	await expect(page.locator('nav .count')).toBeVisible();
	await page.goto('/flags');
	await expect(page.getByTestId('overdue-count')).toBeVisible();
	await expectAccessible(page);
	const row = page.getByRole('row', { name: /Topias/ });
	await expect(row).toContainText('muuttui punaiseksi');
	await row.getByRole('link').click();
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await expect(page.locator('h1')).toContainText('muuttui punaiseksi');
	await expectAccessible(page);
	// Choices big enough to hit: 24 px at least (issue 12 A12).
	const choice = await page.getByLabel('Tehostettu päihdetyö kotona').boundingBox();
	expect(choice!.width).toBeGreaterThanOrEqual(24);
	expect(choice!.height).toBeGreaterThanOrEqual(24);
	await page.getByLabel('Tehostettu päihdetyö kotona').check();
	await page.getByRole('button', { name: 'Tallenna päätös' }).click();
	await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}\?saved=triaged$/);
	await expect(page.getByTestId('state')).toHaveText('ehdotettu');
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	// A proposed workflow's next step, starting it, comes first (issue 12 A12).
	await expect(page.locator('main h2').first()).toHaveText('Aloita työskentely');

	// Adding a step without its fields: the summary says what is missing, nothing is saved.
	await page.getByRole('button', { name: 'Lisää askel' }).click();
	await expect(page.locator('.error-summary').first()).toBeVisible();
	await page.locator('#what').fill('Kotikäynti ja nuoren oma tavoite');
	await page.locator('#who').fill('Mikko Saarinen');
	await page.locator('#dueOn').fill(inDays(3));
	await page.getByRole('button', { name: 'Lisää askel' }).click();
	await expect(page.getByTestId('steps')).toContainText('Kotikäynti ja nuoren oma tavoite');
	// Saved: the errors are gone and the form is empty again, so a second click cannot add
	// the same step twice.
	await expect(page.getByRole('status')).toHaveText('Askel lisättiin suunnitelmaan.');
	await expect(page.locator('.error-summary')).toHaveCount(0);
	await expect(page.getByText('Tämä tieto puuttuu.')).toHaveCount(0);
	await expect(page.locator('#what')).toHaveValue('');
	// The other forms took the workflow's new version: a contact saves without a conflict.
	await page.locator('#note').fill('Puhelu äidin kanssa, kotikäynti sovittu.');
	await page.getByRole('button', { name: 'Tallenna kirjaus' }).click();
	await expect(page.getByRole('status')).toHaveText('Merkintä lisättiin lokiin.');
	await expect(page.getByText('Puhelu äidin kanssa, kotikäynti sovittu.')).toBeVisible();
	// A refused submit after it: the error, and no earlier success notice beside it.
	await page.getByRole('button', { name: 'Lisää askel' }).click();
	await expect(page.locator('.error-summary').first()).toBeVisible();
	await expect(page.getByText('Merkintä lisättiin lokiin.')).toHaveCount(0);
	await expect(page.getByText('Joku muu tallensi')).toHaveCount(0);
	await page.getByRole('button', { name: /Merkitse tehdyksi: Kotikäynti/ }).click();
	await expect(page.getByTestId('steps')).toContainText('✓ Kotikäynti ja nuoren oma tavoite');
	await expect(page.getByRole('button', { name: /Merkitse tehdyksi: Kotikäynti/ })).toHaveCount(0);
	// A step marked done by mistake is undone beside it (issue 12 A8), then done again.
	await expect(page.getByRole('status')).toContainText('peru merkintä');
	await page.getByRole('button', { name: /Peru merkintä: Kotikäynti/ }).click();
	await expect(page.getByRole('status')).toHaveText('Merkintä peruttiin: askel on taas tekemättä.');
	await expect(page.getByTestId('steps')).not.toContainText('✓');
	await page.getByRole('button', { name: /Merkitse tehdyksi: Kotikäynti/ }).click();
	await expect(page.getByTestId('steps')).toContainText('✓ Kotikäynti ja nuoren oma tavoite');
	await expectAccessible(page);

	// The school takes part (issue 12 B): it sees the plan, marks the step it owns done and
	// adds a contact, but does not see the team's own log entries.
	const workflowUrl = page.url().replace(/\?.*$/, '');
	await page.locator('#organisationId').selectOption({ label: 'Koivurannan koulu' });
	await page.getByRole('button', { name: 'Lisää organisaatio' }).click();
	await expect(page.locator('#ownerOrganisationId')).toBeVisible();
	await page.locator('#what').fill('Koulun tukitoimet');
	await page.locator('#who').fill('Luokanopettaja');
	await page.locator('#ownerOrganisationId').selectOption({ label: 'Koivurannan koulu' });
	await page.locator('#dueOn').fill(inDays(5));
	await page.getByRole('button', { name: 'Lisää askel' }).click();
	await expect(page.getByTestId('steps')).toContainText('Koulun tukitoimet');

	await loginAs('partner');
	await page.goto(workflowUrl);
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await expect(page.getByTestId('steps')).toContainText('Kotikäynti ja nuoren oma tavoite');
	await expect(page.getByText('Puhelu äidin kanssa')).toHaveCount(0);
	await expect(page.getByRole('button', { name: /Peru merkintä: Kotikäynti/ })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Lisää askel' })).toHaveCount(0);
	await page.getByRole('button', { name: /Merkitse tehdyksi: Koulun tukitoimet/ }).click();
	await expect(page.getByTestId('steps')).toContainText('✓ Koulun tukitoimet');
	await page.locator('#note').fill('Tapasimme nuoren koulussa.');
	await page.getByRole('button', { name: 'Tallenna kirjaus' }).click();
	await expect(page.getByText('Tapasimme nuoren koulussa.')).toBeVisible();
	await expectAccessible(page);
});

// Demo child 8 (Iida) is placed in the residential unit Kajastus.
test('the unit requests a consultation, the coordinator holds it, the unit sees the outcome', async ({
	page,
	loginAs
}) => {
	await loginAs('residential_staff');
	// The unit's home: its children, each with a way to ask for a consultation (issue 12 B).
	await page.getByRole('link', { name: 'Pyydä konsultaatiota: Iida Jääskeläinen' }).click();
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await expectAccessible(page);
	await page.locator('#question').fill('Miten tuemme nuorta, joka ikävöi kotiin?');
	await page.getByLabel('Kiireellinen').check();
	await page.getByRole('button', { name: 'Lähetä pyyntö' }).click();
	await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}\?saved=requested$/);
	// Says what happens next, not just "saved".
	await expect(page.getByRole('status')).toContainText('koordinaattorille ilmoitettiin');
	const url = page.url().replace(/\?.*$/, '');
	await expect(page.getByTestId('state')).toHaveText('pyydetty');

	await loginAs('coordinator');
	await page.goto('/notifications');
	await expect(page.getByRole('button', { name: /Uusi konsultaatiopyyntö/ }).first()).toBeVisible();
	await expectAccessible(page);
	// The team's work page lists the new request first (urgent, requested).
	await page.goto('/work');
	await expect(page.getByRole('row', { name: /Iida/ }).first()).toContainText('pyydetty');
	await expectAccessible(page);
	await page.goto(url);
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await expectAccessible(page);
	// An empty schedule is refused; once it is filled in, the errors go.
	await page.getByRole('button', { name: 'Tallenna aika ja kutsu' }).click();
	await expect(page.locator('.error-summary').first()).toBeVisible();
	// Recorded after the meeting: it was held an hour ago.
	await page.locator('#scheduledAt').fill(toHelsinkiLocal(new Date(Date.now() - 3600_000)));
	await page.locator('#place').fill('Videoyhteys');
	await page.getByLabel('Minna Salo').check();
	await page.getByRole('button', { name: 'Tallenna aika ja kutsu' }).click();
	await expect(page.getByTestId('state')).toHaveText('aika sovittu');
	await expect(page.locator('.error-summary')).toHaveCount(0);
	await expect(page.getByText('Tämä tieto puuttuu.')).toHaveCount(0);
	await page.locator('#hypotheses').fill('Nuori kaipaa kotiin ja karkaa, kun ikävä kasvaa.');
	await page.locator('#recommendations').fill('Säännölliset kotilomat ja puhelut äidin kanssa.');
	await page.locator('#followUpOwnerId').selectOption({ label: 'Mikko Saarinen' });
	await page.locator('#followUpOn').fill(inDays(14));
	await page.getByRole('button', { name: 'Tallenna kirjaus' }).click();
	await expect(page.getByTestId('state')).toHaveText('pidetty');
	// Closing asks first (issue 12 A8): cancelling changes nothing.
	const close = page.locator('summary', { hasText: 'Päätä konsultaatio' });
	await close.click();
	await expect(page.getByText('Päätetäänkö konsultaatio?')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Peruuta' }).click();
	await expect(page.getByText('Päätetäänkö konsultaatio?')).toBeHidden();
	await expect(page.getByTestId('state')).toHaveText('pidetty');
	await close.click();
	await page.getByRole('button', { name: 'Kyllä, päätä konsultaatio' }).click();
	await expect(page.getByTestId('state')).toHaveText('päättynyt');

	await loginAs('residential_staff');
	// The unit's home lists its own requests with their state and outcome.
	await page.goto('/');
	const own = page
		.getByRole('table', { name: /konsultaatiopyynnöt/ })
		.getByRole('row', { name: /Miten tuemme nuorta, joka ikävöi kotiin/ });
	await expect(own).toContainText('päättynyt');
	await expect(own).toContainText('Tulos kirjattu');
	await expectAccessible(page);
	await own.getByRole('link').click();
	await expect(page).toHaveURL(url);
	await expect(page.getByTestId('outcome')).toContainText('Nuori kaipaa kotiin');
	await expect(page.getByTestId('outcome')).toContainText('Säännölliset kotilomat');
	await expectAccessible(page);
});
