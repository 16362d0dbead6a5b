import { redirect, type Cookies } from '@sveltejs/kit';
import { formatTimeRoundedUp } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { loginSchema } from '$lib/schemas/auth';
import { setSessionCookie } from '$lib/server/http/cookie';
import { factorState } from '$lib/server/auth';
import { login } from '$lib/server/auth';
import { safeNext } from '$lib/server/http/redirect';
import {
	LOCALE_CHOSEN_COOKIE,
	preferredLocaleOf,
	setPreferredLocale
} from '$lib/server/features/account';
import { clientAddress } from '$lib/server/http/address';
import { configuredProviders, providerSignOut } from '$lib/server/http/provider';
import type { Actions, PageServerLoad } from './$types';
import { defineForm, fail, message, readForm } from '$lib/server/http/forms';
import { database, type Db } from '$lib/server/http/authz';

/**
 * A language chosen on the login page just now is the person's latest wish: it becomes
 * their preference. Otherwise their saved preference sets the language for this browser
 * (so on a shared computer nobody inherits the previous user's language).
 */
async function settleLocale(db: Db, cookies: Cookies, userId: string) {
	const chosen = cookies.get(cookieName);
	if (cookies.get(LOCALE_CHOSEN_COOKIE) && chosen && isLocale(chosen)) {
		cookies.delete(LOCALE_CHOSEN_COOKIE, { path: '/' });
		await setPreferredLocale(db, userId, chosen);
		return;
	}
	const locale = await preferredLocaleOf(db, userId);
	if (locale) {
		cookies.set(cookieName, locale, {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax'
		});
	}
}

const loginForm = defineForm(loginSchema, 'form', { email: 'email', password: 'password' });

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	if (locals.pending)
		redirect(303, `/login/code?next=${encodeURIComponent(safeNext(url.searchParams.get('next')))}`);
	const loggedOut = url.searchParams.has('logged_out');
	const signedOutOf = url.searchParams.get('provider') ?? '';
	return {
		form: await loginForm.show(),
		next: safeNext(url.searchParams.get('next')),
		loggedOut,
		passwordSet: url.searchParams.has('password_set'),
		providers: configuredProviders(),
		// Signed out of a session that came through a provider: offer to end that one too.
		providerSignOut:
			loggedOut && /^[a-z0-9-]{1,40}$/.test(signedOutOf)
				? await providerSignOut(url, signedOutOf)
				: null
	};
};

export const actions: Actions = {
	login: async (event) => {
		const { request, cookies, url, setHeaders } = event;
		const userAgent = request.headers.get('user-agent');
		const formData = await readForm(request);
		const nextValue = formData.get('next');
		const next = safeNext(typeof nextValue === 'string' ? nextValue : undefined);
		const form = await loginForm.check(formData);
		const password = form.data.password;
		// The password never travels back to the browser.
		form.data.password = '';
		if (!form.valid) return fail(400, { form });

		const db = database(event.locals);
		const result = await login(db, {
			email: form.data.email,
			password,
			clientAddress: clientAddress(event),
			userAgent
		});
		if (!result.ok && result.reason === 'throttled') {
			const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 1000));
			setHeaders({ 'retry-after': String(seconds) });
			return message(form, m.login_throttled({ time: formatTimeRoundedUp(result.retryAt) }), {
				status: 429
			});
		}
		if (!result.ok && result.reason === 'provider_only')
			return message(form, m.login_provider_only(), { status: 400 });
		if (!result.ok) return message(form, m.login_invalid(), { status: 400 });

		setSessionCookie(cookies, url, result.token, result.session.expiresAt);
		await settleLocale(db, cookies, result.userId);
		// Then the second factor: its code, or setting one up the first time.
		const { confirmed } = await factorState(db, result.userId);
		redirect(303, `${confirmed ? '/login/code' : '/login/setup'}?next=${encodeURIComponent(next)}`);
	}
};
