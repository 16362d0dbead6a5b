import { redirect } from '@sveltejs/kit';
import { emptyCodeForm, submitCode } from '$lib/server/http/code-form';
import { markReauthenticated } from '$lib/server/auth';
import { database, requireUser } from '$lib/server/http/authz';
import { providerIdOf } from '$lib/server/http/provider';
import { safeNext } from '$lib/server/http/redirect';
import type { Actions, PageServerLoad } from './$types';

/** A fresh code before a sensitive action (ASVS 3.7.1); then back where the person was. */
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	const next = safeNext(event.url.searchParams.get('next'));
	return {
		form: await emptyCodeForm(next),
		next,
		// Signed in through a provider: it can confirm the person again (it asks anew).
		provider: providerIdOf(event.locals.session?.providerIssuer)
	};
};

export const actions: Actions = {
	confirm: async (event) => {
		const user = requireUser(event);
		const r = await submitCode(database(event.locals), event.request, user.id, event.setHeaders);
		if ('failure' in r) return r.failure;
		await markReauthenticated(database(event.locals), event.locals.session!.id);
		redirect(303, safeNext(r.form.data.next));
	}
};
