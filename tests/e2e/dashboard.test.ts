import { expect, expectAccessible, readIn, test } from './fixtures';

test.describe('team dashboard', () => {
	test('counts, severity order, filters and paging controls', async ({ page, loginAs }) => {
		await loginAs('consultant_social_worker');
		const counts = page.locator('ul.counts');
		await expect(counts).toContainText('Punainen');
		const colours = await page
			.locator('tbody tr')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-colour')));
		const rank = { red: 3, yellow: 2, green: 1, grey: 0 } as Record<string, number>;
		expect(colours.length).toBeGreaterThan(0);
		for (let i = 1; i < colours.length; i++)
			expect(rank[colours[i - 1]!]!).toBeGreaterThanOrEqual(rank[colours[i]!]!);
		await expectAccessible(page);

		await page.locator('#f-colour').selectOption('red');
		await page.getByRole('button', { name: 'Suodata' }).click();
		await expect(page).toHaveURL(/colour=red/);
		const reds = await page
			.locator('tbody tr')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-colour')));
		expect(reds.length).toBeGreaterThan(0);
		expect(new Set(reds)).toEqual(new Set(['red']));

		await page.goto('/?signal=disagreement');
		await expect(page.locator('tbody tr').first()).toContainText('eri näkemykset');
		await page.goto('/?signal=stale');
		await expect(page.locator('tbody tr').first()).toContainText('vanhentunut arvio');
		// Nonsense in the query string is ignored, not an error.
		const res = await page.goto('/?colour=purple&page=-3&workerId=x');
		expect(res?.status()).toBe(200);
		await readIn(page, 'en');
		await expect(page.locator('#home-section')).toHaveText("The team's overview");
		await expectAccessible(page);
	});
});
