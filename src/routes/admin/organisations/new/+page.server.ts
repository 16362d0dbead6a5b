import { organisationSchema } from '$lib/schemas/admin';
import { requireAdmin } from '$lib/server/http/authz';
import { defineForm } from '$lib/server/http/forms';
import { createOrganisation } from '$lib/server/features/admin';
import { organisationLabels } from '../../form-labels';
import type { Actions, PageServerLoad } from './$types';

const organisationForm = defineForm(organisationSchema, 'form', organisationLabels);

export const load: PageServerLoad = async (event) => {
	await requireAdmin(event);
	return { form: await organisationForm.show() };
};

export const actions: Actions = {
	create: async (event) => {
		const ctx = await requireAdmin(event);
		const { db } = ctx;
		return organisationForm.submit(event.request, {
			save: (d) => createOrganisation(db, ctx, d),
			to: () => '/admin/organisations?saved=1'
		});
	}
};
