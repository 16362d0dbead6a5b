import { redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { userSchema } from '$lib/schemas/admin';
import { requireAdmin, database } from '$lib/server/http/authz';
import { formFailure, readForm } from '$lib/server/http/forms';
import { createUser } from '$lib/server/features/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireAdmin(event);
	return { form: await superValidate(zod4(userSchema)) };
};

export const actions: Actions = {
	create: async (event) => {
		const { actor } = await requireAdmin(event);
		const form = await superValidate(await readForm(event.request), zod4(userSchema));
		if (!form.valid) return fail(400, { form });
		let id: string;
		try {
			id = (await createUser(await database(), actor, form.data)).id;
		} catch (e) {
			return formFailure(form, e);
		}
		// Next: give the person a role and a password link.
		redirect(303, `/admin/users/${id}?saved=1`);
	}
};
