import { ACCOUNTS, expect, login, stateFile, type DemoRole } from './fixtures';
import { test as setup } from '@playwright/test';

// Each demo role signs in through the UI once per run (password and code); the tests reuse
// these sessions (`loginAs`, `pageAs`). Signing in itself is tested in auth.test.ts.
setup.describe.configure({ mode: 'parallel' });

for (const role of Object.keys(ACCOUNTS) as DemoRole[]) {
	setup(`sign in as ${role}`, async ({ page }) => {
		await login(page, ACCOUNTS[role].email);
		await expect(page.locator(`[data-home="${ACCOUNTS[role].home}"]`)).toBeVisible();
		await page.context().storageState({ path: stateFile(role) });
	});
}
