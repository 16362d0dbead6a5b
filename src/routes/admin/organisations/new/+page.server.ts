import { organisationSchema } from '$lib/schemas/admin';
import { requireAdmin } from '$lib/server/http/authz';
import { defineCreateForm } from '$lib/server/http/forms';
import { createOrganisation } from '$lib/server/features/admin';
import { organisationLabels } from '../../form-labels';
import type { Actions, PageServerLoad } from './$types';

const organisationForm = defineCreateForm(organisationSchema, 'form', organisationLabels);

export const load: PageServerLoad = async (event) => {
	await requireAdmin(event);
	return { form: await organisationForm.show() };
};

export const actions: Actions = {
	create: async (event) => {
		const ctx = await requireAdmin(event);
		return organisationForm.create(event, {
			save: (d, tx) => createOrganisation(tx, ctx, d),
			to: () => '/admin/organisations?saved=1'
		});
	}
};
