import {
	addChild,
	addOrganisation,
	askForConsultation,
	expect,
	expectAccessible,
	fillSchedule,
	letterStamp,
	readIn,
	test
} from './fixtures';

/*
 * A region has hundreds of schools and day-care centres, too many to list as choices on a
 * consultation. Past a few dozen the coordinator finds the others by part of a name, a step
 * inside the schedule form that keeps everything already filled in and ticked.
 */
test('the coordinator finds two day-care centres by name and invites both, nothing typed lost', async ({
	page,
	loginAs
}) => {
	test.setTimeout(120_000);
	const stamp = letterStamp();
	const name = (i: number) => `Hakupäiväkoti ${stamp} ${String(i).padStart(2, '0')}`;
	// More organisations than are listed: whatever the demo and other tests made.
	await loginAs('admin');
	for (let i = 0; i < 26; i++) await addOrganisation(page, name(i), 'early_education');

	await loginAs('social_worker');
	const child = await addChild(page, {
		givenName: 'Kutsu',
		familyName: `Haettava${stamp}`,
		dateOfBirth: '2019-03-03',
		home: 'Kerava'
	});
	const consultation = await askForConsultation(page, child, 'Kuka päiväkodista tulee mukaan?');

	await loginAs('coordinator');
	await page.goto(consultation);
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	const when = await fillSchedule(page, 'Neuvotteluhuone Kuusi');
	// Not listed until found.
	await expect(page.getByLabel(new RegExp(name(7)))).toHaveCount(0);
	// Enter in the search field searches.
	await page.getByLabel('Hae muita organisaatioita').fill(`${stamp} 07`);
	await page.getByLabel('Hae muita organisaatioita').press('Enter');
	await expect(page.getByRole('status')).toContainText('löytyi 1 kpl');
	await page.getByLabel(new RegExp(name(7))).check();
	await expectAccessible(page);
	// A second search keeps the first one ticked, and the time and place.
	await page.getByLabel('Hae muita organisaatioita').fill(`hakupäiväkoti ${stamp}`);
	await page.getByRole('button', { name: 'Hae organisaatioita' }).click();
	await expect(page.getByRole('status')).toContainText('enemmän kuin 20');
	await expect(page.getByLabel(new RegExp(name(7)))).toBeChecked();
	await expect(page.locator('#scheduledAt')).toHaveValue(when);
	await expect(page.locator('#place')).toHaveValue('Neuvotteluhuone Kuusi');
	await page.getByLabel(new RegExp(name(12))).check();
	await page.setViewportSize({ width: 320, height: 740 });
	await expectAccessible(page);
	// Sent back for a missing person: the organisations found stay ticked choices.
	await page.getByRole('button', { name: 'Tallenna aika ja kutsu' }).click();
	await expect(page.getByRole('link', { name: /Kutsuttavat henkilöt/ })).toBeVisible();
	for (const i of [7, 12]) await expect(page.getByLabel(new RegExp(name(i)))).toBeChecked();
	await expectAccessible(page);
	await page.locator('#participantUserIds').check();
	// Enter in any other field saves, as in every form.
	await page.locator('#place').press('Enter');
	await expect(page).toHaveURL(/\?saved=schedule$/);
	await expect(page.getByTestId('state')).toHaveText('aika sovittu');
	for (const i of [7, 12]) await expect(page.getByText(name(i)).first()).toBeVisible();
});

test('the search for organisations speaks Swedish and English', async ({ page, loginAs }) => {
	test.setTimeout(120_000);
	const stamp = letterStamp();
	const unit = (i: number) => `Sökdaghem ${stamp} ${String(i).padStart(2, '0')}`;
	// More organisations than are listed, so the search is there whatever else the run made.
	await loginAs('admin');
	for (let i = 0; i < 26; i++) await addOrganisation(page, unit(i), 'early_education');
	await loginAs('social_worker');
	const child = await addChild(page, {
		givenName: 'Språk',
		familyName: `Sökbar${stamp}`,
		dateOfBirth: '2019-04-04',
		home: 'Kerava'
	});
	const consultation = await askForConsultation(page, child, 'Vem från daghemmet kommer?');

	await loginAs('coordinator');
	await page.goto(consultation);
	await readIn(page, 'sv');
	await page.getByLabel('Sök andra organisationer').fill(`${stamp} 03`);
	await page.getByRole('button', { name: 'Sök organisationer' }).click();
	// One found is "1 st.", not "1 träffar".
	await expect(page.getByRole('status')).toHaveText(
		`Sökordet ”${stamp} 03” gav 1 st. De kan nu väljas bland de inbjudna.`
	);
	await expect(page.getByLabel(new RegExp(unit(3)))).toBeVisible();
	await expectAccessible(page);

	await readIn(page, 'en');
	await page.getByLabel('Find other organisations').fill(`${stamp}zzz`);
	await page.getByRole('button', { name: 'Find organisations' }).click();
	await expect(page.getByRole('status')).toHaveText(
		`“${stamp}zzz” found no organisations. Try part of the name.`
	);
	await page.getByLabel('Find other organisations').fill(stamp);
	await page.getByRole('button', { name: 'Find organisations' }).click();
	await expect(page.getByRole('status')).toHaveText(
		`“${stamp}” found more than 20; the first 20 are shown. Narrow the search.`
	);
	await expectAccessible(page);
});
