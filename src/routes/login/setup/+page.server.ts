import { redirect } from '@sveltejs/kit';
import { renderSVG } from 'uqr';
import { setSessionCookie } from '$lib/server/http/cookie';
import { emptyCodeForm, submitCode } from '$lib/server/http/code-form';
import { factorState, newRecoveryCodes, setupKey } from '$lib/server/auth';
import { upgradeSession } from '$lib/server/auth';
import { keyUri, secretText } from '$lib/server/auth';
import { database } from '$lib/server/http/authz';
import { safeNext } from '$lib/server/http/redirect';
import type { Actions, PageServerLoad } from './$types';

/**
 * First sign-in after the password: set up an authenticator. The QR code is drawn on the
 * server as SVG (an image, so no script or inline style is needed) with the key as text.
 */
export const load: PageServerLoad = async ({ locals, url, request }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	if (!locals.pending) redirect(303, '/login');
	const db = database(locals);
	const { confirmed } = await factorState(db, locals.pending.userId);
	// Just confirmed in this request: the action's answer (the recovery codes) is shown.
	if (confirmed) {
		if (request.method === 'POST') return { setup: null, form: await emptyCodeForm(next) };
		redirect(303, `/login/code?next=${encodeURIComponent(next)}`);
	}
	const key = await setupKey(db, locals.pending.userId);
	const svg = renderSVG(keyUri(locals.pending.email, key), { border: 2 });
	return {
		setup: {
			qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
			secret: secretText(key)
		},
		form: await emptyCodeForm(next)
	};
};

export const actions: Actions = {
	confirm: async ({ request, locals, cookies, url, setHeaders }) => {
		if (!locals.pending || !locals.session) redirect(303, '/login');
		const r = await submitCode(database(locals), request, locals.pending.userId, setHeaders, {
			pendingSetup: true
		});
		if ('failure' in r) return r.failure;
		const db = database(locals);
		const codes = await newRecoveryCodes(db, locals.pending.userId);
		const { token, session } = await upgradeSession(db, locals.session);
		setSessionCookie(cookies, url, token, session.expiresAt);
		// Shown once, on this answer only; only their hashes are kept.
		return { recoveryCodes: codes, next: safeNext(r.form.data.next) };
	}
};
