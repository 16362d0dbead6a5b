import { redirect } from '@sveltejs/kit';
import { formatTimeRoundedUp } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { setPasswordSchema } from '$lib/schemas/auth';
import {
	passwordLinkValid,
	setPasswordWithLink,
	ThrottledError
} from '$lib/server/features/account';
import { clientAddress } from '$lib/server/http/address';
import type { Actions, PageServerLoad } from './$types';
import { defineForm, fail, message, setError } from '$lib/server/http/forms';
import { database } from '$lib/server/http/authz';

const passwordForm = defineForm(setPasswordSchema, 'form', {
	password: 'new_password',
	confirm: 'confirm_password'
});

/** Public by design: the one-time token in the link is the authorisation. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const valid = await passwordLinkValid(database(locals), params.token);
	return { valid: valid !== null, form: await passwordForm.show() };
};

export const actions: Actions = {
	set: async (event) => {
		const { request, params, setHeaders } = event;
		const form = await passwordForm.read(request);
		const password = form.data.password;
		form.data = { password: '', confirm: '' };
		if (!form.valid) return fail(400, { form });
		let result;
		try {
			result = await setPasswordWithLink(
				database(event.locals),
				params.token,
				password,
				clientAddress(event)
			);
		} catch (e) {
			if (!(e instanceof ThrottledError)) throw e;
			const seconds = Math.max(1, Math.ceil((e.retryAt.getTime() - Date.now()) / 1000));
			setHeaders({ 'retry-after': String(seconds) });
			return message(form, m.error_too_many_attempts({ time: formatTimeRoundedUp(e.retryAt) }), {
				status: 429
			});
		}
		if (result === 'invalid_link')
			return message(form, m.set_password_invalid_link(), { status: 400 });
		if (result !== 'set') return setError(form, 'password', result.problem);
		redirect(303, '/login?password_set=1');
	}
};
