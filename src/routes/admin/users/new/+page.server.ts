import { userSchema } from '$lib/schemas/admin';
import { requireAdmin } from '$lib/server/http/authz';
import { defineForm } from '$lib/server/http/forms';
import { createUser } from '$lib/server/features/admin';
import { userLabels } from '../../form-labels';
import type { Actions, PageServerLoad } from './$types';

const userForm = defineForm(userSchema, 'form', userLabels);

export const load: PageServerLoad = async (event) => {
	await requireAdmin(event);
	return { form: await userForm.show() };
};

export const actions: Actions = {
	create: async (event) => {
		const ctx = await requireAdmin(event);
		const { db } = ctx;
		return userForm.submit(event.request, {
			save: (d) => createUser(db, ctx, d),
			// Next: give the person a role and a password link.
			to: (u) => `/admin/users/${u.id}?saved=1`
		});
	}
};
