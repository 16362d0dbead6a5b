import { redirect } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { setPasswordSchema } from '$lib/schemas/auth';
import { passwordLinkValid, setPasswordWithLink } from '$lib/server/services/account';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/forms';
import { database } from '$lib/server/authz';

/** Public by design: the one-time token in the link is the authorisation. */
export const load: PageServerLoad = async ({ params }) => {
	const valid = await passwordLinkValid(await database(), params.token);
	return { valid: valid !== null, form: await superValidate(zod4(setPasswordSchema)) };
};

export const actions: Actions = {
	set: async ({ request, params }) => {
		const form = await superValidate(await readForm(request), zod4(setPasswordSchema));
		const password = form.data.password;
		form.data = { password: '', confirm: '' };
		if (!form.valid) return fail(400, { form });
		const ok = await setPasswordWithLink(await database(), params.token, password);
		if (!ok) return message(form, m.set_password_invalid_link(), { status: 400 });
		redirect(303, '/login?password_set=1');
	}
};
