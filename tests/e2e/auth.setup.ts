import { ACCOUNTS, codeFor, DEMO_PASSWORD, expect, stateFile, type DemoRole } from './fixtures';
import { test as setup } from '@playwright/test';

// Each demo role signs in once per run (password, then the code) and the tests reuse these
// sessions (`loginAs`, `pageAs`). The same two form posts a browser makes, without a browser:
// signing in through the pages is tested in auth.test.ts and assessment.test.ts.
setup.describe.configure({ mode: 'parallel' });

for (const role of Object.keys(ACCOUNTS) as DemoRole[]) {
	setup(`sign in as ${role}`, async ({ request, baseURL }) => {
		const email = ACCOUNTS[role].email;
		const post = (path: string, form: Record<string, string>) =>
			request.post(path, {
				form,
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			});
		const password = await post('/login?/login', { email, password: DEMO_PASSWORD });
		expect(password.status()).toBe(303);
		expect(password.headers()['location']).toMatch(/^\/login\/code/);
		const code = await post('/login/code?/verify', { code: await codeFor(email), next: '/' });
		expect(code.status()).toBe(303);
		// The session now opens the role's home page.
		const home = await request.get('/');
		expect(await home.text()).toContain(`data-home="${ACCOUNTS[role].home}"`);
		await request.storageState({ path: stateFile(role) });
	});
}
