import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { LOCALES } from '$lib/domain/roles';
import { safeNext } from '$lib/server/http/redirect';
import { LOCALE_CHOSEN_COOKIE, setPreferredLocale } from '$lib/server/features/account';
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';
import { readPlainForm } from '$lib/server/http/forms';
import { database } from '$lib/server/http/authz';

const schema = z.object({
	locale: z.enum(LOCALES),
	// Only a local path (the one redirect helper decides): never another site.
	redirectTo: z.unknown().transform((v) => safeNext(v))
});

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	change: async ({ request, cookies, locals }) => {
		const { locale, redirectTo } = await readPlainForm(request, schema, () => redirect(303, '/'));
		cookies.set(cookieName, locale, {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax'
		});
		// The person's own preference only: no authorisation beyond being signed in.
		if (locals.user) await setPreferredLocale(database(locals), locals.user.id, locale);
		else
			cookies.set(LOCALE_CHOSEN_COOKIE, '1', {
				path: '/',
				maxAge: 86400,
				httpOnly: true,
				sameSite: 'lax'
			});
		redirect(303, redirectTo);
	}
};
