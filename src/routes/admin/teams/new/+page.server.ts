import { redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { teamSchema } from '$lib/schemas/admin';
import { requireAdmin, database } from '$lib/server/http/authz';
import { formFailure, readForm } from '$lib/server/http/forms';
import { createTeam, listOrganisations } from '$lib/server/features/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = await requireAdmin(event);
	const orgs = await listOrganisations(await database(), actor);
	return {
		form: await superValidate(zod4(teamSchema)),
		organisations: orgs
			.filter((o) => o.kind === 'child_protection')
			.map((o) => ({ value: o.id, label: o.name }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { actor } = await requireAdmin(event);
		const form = await superValidate(await readForm(event.request), zod4(teamSchema));
		if (!form.valid) return fail(400, { form });
		try {
			await createTeam(await database(), actor, form.data);
		} catch (e) {
			return formFailure(form, e);
		}
		redirect(303, '/admin/teams?saved=1');
	}
};
