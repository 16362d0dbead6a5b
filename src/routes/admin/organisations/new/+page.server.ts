import { redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { organisationSchema } from '$lib/schemas/admin';
import { requireAdmin, database } from '$lib/server/http/authz';
import { formFailure, readForm } from '$lib/server/http/forms';
import { createOrganisation } from '$lib/server/features/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireAdmin(event);
	return { form: await superValidate(zod4(organisationSchema)) };
};

export const actions: Actions = {
	create: async (event) => {
		const { actor } = await requireAdmin(event);
		const form = await superValidate(await readForm(event.request), zod4(organisationSchema));
		if (!form.valid) return fail(400, { form });
		try {
			await createOrganisation(await database(), actor, form.data);
		} catch (e) {
			return formFailure(form, e);
		}
		redirect(303, '/admin/organisations?saved=1');
	}
};
