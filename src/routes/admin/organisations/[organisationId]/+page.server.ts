import { redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { organisationEditSchema } from '$lib/schemas/admin';
import { requireAdmin, database } from '$lib/server/http/authz';
import { formFailure, httpFailure, readForm } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { getOrganisation, updateOrganisation } from '$lib/server/features/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = await requireAdmin(event);
	const org = await getOrganisation(
		await database(),
		actor,
		uuidParam(event.params.organisationId)
	).catch(httpFailure);
	const data = {
		...org,
		municipality: org.municipality ?? '',
		emergencyPhone: org.emergencyPhone ?? '',
		firstClientPlanDays: String(org.firstClientPlanDays)
	};
	return { form: await superValidate(data, zod4(organisationEditSchema)) };
};

export const actions: Actions = {
	save: async (event) => {
		const { actor } = await requireAdmin(event);
		const form = await superValidate(await readForm(event.request), zod4(organisationEditSchema));
		if (!form.valid) return fail(400, { form });
		try {
			await updateOrganisation(
				await database(),
				actor,
				uuidParam(event.params.organisationId),
				form.data
			);
		} catch (e) {
			return formFailure(form, e, {
				onConflict: (c) => ({ ...c, municipality: c.municipality ?? '' })
			});
		}
		redirect(303, '/admin/organisations?saved=1');
	}
};
