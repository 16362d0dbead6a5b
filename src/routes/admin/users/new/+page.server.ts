import { userSchema } from '$lib/schemas/admin';
import { requireAdmin } from '$lib/server/http/authz';
import { defineCreateForm } from '$lib/server/http/forms';
import { createUser } from '$lib/server/features/admin';
import { userLabels } from '../../form-labels';
import type { Actions, PageServerLoad } from './$types';

const userForm = defineCreateForm(userSchema, 'form', userLabels);

export const load: PageServerLoad = async (event) => {
	await requireAdmin(event);
	return { form: await userForm.show() };
};

export const actions: Actions = {
	create: async (event) => {
		const ctx = await requireAdmin(event);
		return userForm.create(event, {
			save: (d, tx) => createUser(tx, ctx, d),
			// Next: give the person a role and a password link.
			to: (u) => `/admin/users/${u.id}?saved=1`
		});
	}
};
