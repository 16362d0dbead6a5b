import type { Page } from '@playwright/test';
import { ACCOUNTS, codeFor, DEMO_PASSWORD, expect, expectAccessible, test } from './fixtures';

/**
 * Presses Tab until the focused element matches a CSS selector (or, with `text:`, contains
 * that text), as a keyboard user would.
 */
async function tabTo(page: Page, target: string, max = 400) {
	for (let i = 0; i < max; i++) {
		const hit = await page.evaluate((t) => {
			const el = document.activeElement;
			if (!el) return false;
			if (t.startsWith('text:'))
				return el.matches('a, button') && (el.textContent ?? '').includes(t.slice(5));
			return el.matches(t);
		}, target);
		if (hit) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${target}`);
}

// Demo child 12 has an overdue request to the school (see src/lib/server/seed/children.ts).
const CHILD = 'Kerttu Tuominen';

test('school assesses by keyboard; the team sees it; a correction keeps both versions', async ({
	page,
	pageAs
}) => {
	// Sign in with the keyboard only.
	await page.goto('/login');
	await page.locator('body[data-hydrated="true"]').waitFor();
	await tabTo(page, '#email');
	await page.keyboard.type(ACCOUNTS.partner.email);
	await page.keyboard.press('Tab');
	await page.keyboard.type(DEMO_PASSWORD);
	await page.keyboard.press('Enter');
	// The second step, by keyboard too.
	await page.waitForURL(/\/login\/code/);
	await page.locator('body[data-hydrated="true"]').waitFor();
	await tabTo(page, '#code');
	await page.keyboard.type(await codeFor(ACCOUNTS.partner.email));
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-home="partner"]')).toBeVisible();
	await expect(page.locator('li.overdue')).toContainText('Myöhässä');
	await expectAccessible(page);

	// Open the request.
	await page.locator('body[data-hydrated="true"]').waitFor();
	await tabTo(page, `text:Arvioi: ${CHILD}`);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Arvio: ${CHILD}`);
	await expectAccessible(page);

	// First try: a view written, nothing rated, family question unanswered.
	await page.locator('body[data-hydrated="true"]').waitFor();
	await tabTo(page, '#childView');
	await page.keyboard.type('Koulussa on välillä raskasta.');
	await tabTo(page, 'button[formaction="?/submit"]');
	await page.keyboard.press('Enter');
	const summary = page.locator('.error-summary');
	await expect(summary).toBeVisible();
	await expect(summary).toContainText('Arvioi vähintään yksi kohta');
	await expect(summary).toContainText('Onko perheelle kerrottu');
	await expect(page.locator('#childView')).toHaveValue('Koulussa on välillä raskasta.');
	await expectAccessible(page);

	// Second try: L1 = 2 (arrow keys move within the radio group), family told = yes.
	await tabTo(page, '#r_L1');
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
	await expect(page.locator('#r_L1-2')).toBeChecked();
	await tabTo(page, '#e_L1');
	await page.keyboard.type('Poissaoloja kolmena päivänä viikossa.');
	await tabTo(page, '#familyInformed');
	await page.keyboard.press('Space');
	await tabTo(page, 'button[formaction="?/submit"]');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]+\?saved=submitted$/);
	await expect(page.locator('[data-item="L1"]')).toContainText('2 – toimenpiteitä tarvitaan');
	// Still about the child; the read-only table's column is not marked optional (issue 12 A12).
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Arvio: ${CHILD}`);
	await expect(page.getByRole('columnheader', { name: 'Perustelu' }).first()).toBeVisible();
	await expect(page.getByText('(valinnainen)')).toHaveCount(0);
	await expectAccessible(page);
	const firstUrl = page.url().replace('?saved=submitted', '');

	// The team sees it.
	const team = await pageAs('social_worker');
	await team.goto('/children');
	await team.getByRole('link', { name: 'Tuominen, Kerttu' }).first().click();
	await expect(team.getByRole('heading', { level: 1 })).toHaveText(CHILD);
	await expect(
		team.getByRole('table', { name: 'Arviot' }).getByRole('row', { name: /Koivurannan koulu/ })
	).toHaveCount(1);
	await expectAccessible(team);

	// The school corrects: L1 becomes 3.
	await page.goto(firstUrl);
	await page.getByRole('button', { name: 'Korjaa arviota' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Arvion korjaus');
	await expect(page.locator('#r_L1-2')).toBeChecked();
	await page.locator('#r_L1-3').check();
	await page.locator('button[formaction="?/submit"]').click();
	await expect(page.locator('[data-item="L1"]')).toContainText('3 –');

	// Both versions are there for the team, the old one marked as replaced.
	await team.reload();
	const rows = team
		.getByRole('table', { name: 'Arviot' })
		.getByRole('row', { name: /Koivurannan koulu/ });
	await expect(rows).toHaveCount(2);
	await expect(rows.filter({ hasText: 'korvattu uudemmalla versiolla' })).toHaveCount(1);
	const childUrl = team.url();
	await team.goto(firstUrl);
	await expect(team.locator('[data-item="L1"]')).toContainText('2 –');
	await expect(team.getByRole('link', { name: 'katso uusin versio' })).toBeVisible();

	// The guardian's right to know: the export lists what happened above, for this child only.
	const res = await team.request.get(`${childUrl}/access-log`);
	expect(res.status()).toBe(200);
	const csv = await res.text();
	const childId = new URL(childUrl).pathname.split('/')[2]!;
	const lines = csv.trim().split('\n').slice(1);
	expect(
		lines.filter((l) => l.includes('Outi Rantanen') && l.includes(',submit,assessment,'))
	).toHaveLength(2);
	expect(lines.some((l) => l.includes('Outi Rantanen') && l.includes(',read,child,'))).toBe(true);
	expect(lines.some((l) => l.includes('Mikko Saarinen') && l.includes(',read,assessment,'))).toBe(
		true
	);
	// Every row is about this child: entity ids are this child or its assessments/requests.
	for (const l of lines.filter((x) => x.includes(',child,'))) expect(l).toContain(childId);
});

test.describe('children pages are accessible', () => {
	test('team and partner pages (fi)', async ({ page, loginAs }) => {
		await loginAs('consultant_social_worker');
		await page.goto('/children');
		await expectAccessible(page);
		await page.locator('form[action="?/search"] button').click();
		await expect(page.locator('.error-summary')).toBeVisible();
		await expectAccessible(page);
		await page.locator('#query').fill('Kajastus');
		await page.locator('#query').fill('Helmi');
		await page.locator('form[action="?/search"] button').click();
		await expect(page.locator('#results')).toBeVisible();
		await page.getByRole('link', { name: 'Hiltunen, Helmi' }).first().click();
		await expectAccessible(page);
		const childUrl = page.url();
		for (const sub of ['/edit', '/access', '/assessments/new']) {
			await page.goto(childUrl + sub);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectAccessible(page);
		}
		await page.goto('/children/new');
		await expectAccessible(page);
	});

	test('residential staff see only their placed child', async ({ page, loginAs }) => {
		await loginAs('residential_staff');
		await expect(page.getByRole('link', { name: 'Jääskeläinen, Iida' })).toBeVisible();
		// One child (its first link; the second asks for a consultation).
		await expect(page.locator('main li > a:first-child')).toHaveCount(1);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Jääskeläinen, Iida' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Arviot' })).toBeVisible();
		await expectAccessible(page);
	});
});

// §6 "danger now": the form says, before sending, that an assessment is not a notification
// and whom to call. Nothing is sent here, so the demo data stays as it was.
test('danger now: a Safety item at 3 says how to get help at once, before sending', async ({
	page,
	loginAs
}) => {
	await loginAs('partner');
	await page.getByRole('link', { name: 'Hiltunen, Helmi' }).first().click();
	await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
	await page.goto(`${new URL(page.url()).pathname}/assessments/new`);
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await expect(page.getByTestId('danger-now')).toHaveCount(0);
	await page.locator('input[name="r_S1"][value="3"]').check();
	const notice = page.getByTestId('danger-now');
	await expect(notice).toContainText('Arviointi ei ole lastensuojeluilmoitus');
	await expect(notice).toContainText('09 8765 4321');
	await expect(
		notice.getByRole('link', { name: 'Tee lastensuojeluilmoitus tästä lapsesta' })
	).toBeVisible();
	await expectAccessible(page);
	// S3 (self-harm) already at 2; S1 back to 2 and S3 to 1: no danger, no notice.
	await page.locator('input[name="r_S3"][value="2"]').check();
	await page.locator('input[name="r_S1"][value="2"]').check();
	await expect(notice).toBeVisible();
	await page.locator('input[name="r_S3"][value="1"]').check();
	await expect(page.getByTestId('danger-now')).toHaveCount(0);
});
