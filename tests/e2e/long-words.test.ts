import type { Page } from '@playwright/test';
import {
	addChild,
	addOrganisation,
	askForConsultation,
	expect,
	expectAccessible,
	test
} from './fixtures';

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
	const path = await addChild(page, {
		givenName: 'Aleksandriinamariaelisabetmargareetaviktoriaadelaidekatariinailona',
		familyName: family,
		dateOfBirth: '2015-05-05',
		home: 'Järvenpää'.repeat(10)
	});
	await expect(page.locator('h1')).toContainText(family);
	return { path, family };
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
	await addOrganisation(page, school, 'school');

	await loginAs('social_worker');
	const child = await makeLongNamedChild(page);
	const consultation = await askForConsultation(page, child.path, 'Miten tuemme lasta koulussa?');

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
