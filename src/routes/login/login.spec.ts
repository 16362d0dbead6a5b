import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { eventFor, makeUser, TEST_PASSWORD, uniq } from '$lib/server/testing/fixtures';
import { actions } from './+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling the action with a test event */

async function post(form: Record<string, string>, clientAddress = `198.51.100.${uniq()}`) {
	const event: any = await eventFor(null, { url: 'http://localhost/login?/login', form });
	const headers: Record<string, string> = {};
	event.getClientAddress = () => clientAddress;
	event.setHeaders = (h: Record<string, string>) => Object.assign(headers, h);
	try {
		const result: any = await actions.login!(event);
		return { status: result.status as number, form: result.data.form, headers, event };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location, headers, event };
		throw e;
	}
}

describe('login action', () => {
	it('answers unknown e-mail and wrong password with the same status and text', async () => {
		const { user } = await makeUser('partner');
		const wrong = await post({ email: user.email, password: 'not the password' });
		const unknown = await post({
			email: `ghost-${uniq()}@test.example`,
			password: 'not the password'
		});
		expect(wrong.status).toBe(400);
		expect(unknown.status).toBe(wrong.status);
		expect(unknown.form.message).toBe(wrong.form.message);
		expect(unknown.form.errors).toEqual(wrong.form.errors);
		// The password is never sent back.
		expect(wrong.form.data.password).toBe('');
	});

	it('answers 429 with Retry-After and a time to try again after repeated failures', async () => {
		const { user } = await makeUser('partner');
		let last = await post({ email: user.email, password: 'wrong 0' });
		for (let i = 1; i < 5; i++) last = await post({ email: user.email, password: `wrong ${i}` });
		expect(last.status).toBe(429);
		expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
		expect(last.form.message).toMatch(/Yritä uudelleen klo \d{2}\.\d{2}/);
		const right = await post({ email: user.email, password: TEST_PASSWORD });
		expect(right.status).toBe(429);
	});

	it('signs in to the second step, sets the session cookie and keeps only a local next path', async () => {
		const { user } = await makeUser('coordinator');
		const ok = await post({ email: user.email, password: TEST_PASSWORD, next: '/account' });
		// No authenticator yet: the set-up comes next, then /account.
		expect(ok).toMatchObject({ status: 303, location: '/login/setup?next=%2Faccount' });
		expect(ok.event.cookies.get('session')).toMatch(/^[a-z2-7]{32}$/);
		const evil = await post({ email: user.email, password: TEST_PASSWORD, next: '//evil.example' });
		expect(evil).toMatchObject({ status: 303, location: '/login/setup?next=%2F' });
	});

	it('refuses an empty form with field errors', async () => {
		const r = await post({ email: '', password: '' });
		expect(r.status).toBe(400);
		expect(Object.keys(r.form.errors)).toEqual(expect.arrayContaining(['email', 'password']));
	});
});
