import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { changePasswordSchema } from '$lib/schemas/auth';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { requireUser, database } from '$lib/server/authz';
import { formFailure, readForm } from '$lib/server/forms';
import { changeOwnPassword } from '$lib/server/services/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		email: user.email,
		form: await superValidate(zod4(changePasswordSchema))
	};
};

export const actions: Actions = {
	changePassword: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(await readForm(event.request), zod4(changePasswordSchema));
		const input = {
			currentPassword: form.data.currentPassword,
			newPassword: form.data.newPassword
		};
		form.data = { currentPassword: '', newPassword: '', confirm: '' };
		if (!form.valid) return fail(400, { form });
		try {
			const { token, session } = await changeOwnPassword(await database(), user.id, input);
			setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		} catch (e) {
			return formFailure(form, e);
		}
		return message(form, m.password_changed_notice());
	}
};
