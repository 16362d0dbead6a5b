import { redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/http/cookie';
import { emptyCodeForm, submitCode } from '$lib/server/http/code-form';
import { factorState } from '$lib/server/auth';
import { upgradeSession } from '$lib/server/auth';
import { database } from '$lib/server/http/authz';
import { safeNext } from '$lib/server/http/redirect';
import type { Actions, PageServerLoad } from './$types';

/** The second step of signing in: a code from the authenticator, or a recovery code. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	if (!locals.pending) redirect(303, '/login');
	const { confirmed } = await factorState(database(locals), locals.pending.userId);
	if (!confirmed) redirect(303, `/login/setup?next=${encodeURIComponent(next)}`);
	return { form: await emptyCodeForm(next) };
};

export const actions: Actions = {
	verify: async ({ request, locals, cookies, url, setHeaders }) => {
		if (!locals.pending || !locals.session) redirect(303, '/login');
		const r = await submitCode(database(locals), request, locals.pending.userId, setHeaders);
		if ('failure' in r) return r.failure;
		// A new token for the full session: the pending one never becomes it.
		const { token, session } = await upgradeSession(database(locals), locals.session);
		setSessionCookie(cookies, url, token, session.expiresAt);
		if (r.ok.kind === 'recovery') redirect(303, `/account?recovery_left=${r.ok.recoveryLeft}`);
		redirect(303, safeNext(r.form.data.next));
	}
};
