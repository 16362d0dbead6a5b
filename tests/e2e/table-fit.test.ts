import type { Page } from '@playwright/test';
import { addChild, expect, expectAccessible, letterStamp, MIDDLE, test } from './fixtures';

/*
 * A table fits the space it has (ADR 053): its words stay whole, an over-long word alone
 * may break, and a table still too wide becomes cards. The team's list of children on the
 * home page once broke every name mid-word on a wide screen ("Jääskeläi|nen") and scrolled
 * sideways between phone and wide widths.
 */

/**
 * The cells of the page's tables whose words are broken: laid out again with no word
 * allowed to break, the cell's width changes. A cell marked as holding an over-long word
 * may break it, and cards are not tables.
 */
function brokenWords(page: Page) {
	return page.evaluate(() => {
		const cells = [...document.querySelectorAll<HTMLElement>('table tbody td, table tbody th')]
			.filter((c) => !c.closest('table[data-fit="cards"]') && !c.hasAttribute('data-long'))
			.filter((c) => getComputedStyle(c).display === 'table-cell');
		const before = cells.map((c) => c.getBoundingClientRect().width);
		for (const c of cells) c.style.overflowWrap = 'normal';
		const after = cells.map((c) => c.getBoundingClientRect().width);
		for (const c of cells) c.style.overflowWrap = '';
		return cells
			.filter((_, i) => Math.abs(before[i]! - after[i]!) > 1)
			.map((c) => c.textContent?.trim().slice(0, 30));
	});
}

const fitOf = (page: Page) =>
	page
		.locator('table')
		.first()
		.evaluate((t) => (t as HTMLElement).dataset.fit ?? 'table');

test("the team's list keeps names whole on a wide screen and becomes cards where it does not fit", async ({
	page,
	loginAs
}) => {
	await loginAs('social_worker');
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	// Wide: a table, no word broken, nothing scrolls (expectAccessible).
	await expect(page.getByRole('table').first()).toBeVisible();
	expect(await fitOf(page)).toBe('table');
	expect(await brokenWords(page)).toEqual([]);
	await expectAccessible(page);

	// Between a phone and a wide screen the list is too wide to be a table: cards, each value
	// after its column's name.
	await page.setViewportSize(MIDDLE);
	await expect.poll(() => fitOf(page)).toBe('cards');
	const firstRow = page.getByRole('table').first().locator('tbody tr').first();
	await expect(firstRow.locator('td[data-label="Liikennevalo"]')).toBeVisible();
	// Wide again: the table comes back when there is room.
	await page.setViewportSize({ width: 1280, height: 800 });
	await expect.poll(() => fitOf(page)).toBe('table');
	expect(await brokenWords(page)).toEqual([]);
});

test('an over-long surname breaks in its own cell and keeps the list a table', async ({
	page,
	loginAs
}) => {
	await loginAs('social_worker');
	const family = `Pitkäsukunimi${letterStamp()}${'y'.repeat(60)}`;
	await addChild(page, {
		givenName: 'Pitkä',
		familyName: family,
		dateOfBirth: '2016-06-06',
		home: 'Kerava'
	});
	await page.goto('/children');
	const link = page.getByRole('link', { name: new RegExp(family) });
	await expect(link).toBeVisible();
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await expect(page.locator('td[data-long], tbody th[data-long]')).not.toHaveCount(0);
	expect(await fitOf(page)).toBe('table');
	expect(await brokenWords(page)).toEqual([]);
	await expectAccessible(page);
});
