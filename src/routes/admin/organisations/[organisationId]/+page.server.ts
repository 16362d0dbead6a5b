import { organisationEditSchema } from '$lib/schemas/admin';
import { requireAdmin } from '$lib/server/http/authz';
import { defineForm, httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { getOrganisation, updateOrganisation } from '$lib/server/features/admin';
import { organisationLabels } from '../../form-labels';
import type { Actions, PageServerLoad } from './$types';

const organisationForm = defineForm(organisationEditSchema, 'form', organisationLabels);

export const load: PageServerLoad = async (event) => {
	const ctx = await requireAdmin(event);
	const org = await getOrganisation(ctx.db, ctx, uuidParam(event.params.organisationId)).catch(
		httpFailure
	);
	const data = {
		...org,
		municipality: org.municipality ?? '',
		emergencyPhone: org.emergencyPhone ?? '',
		firstClientPlanDays: String(org.firstClientPlanDays),
		signIn: org.providerOnly ? ('provider_only' as const) : ('password_or_provider' as const)
	};
	return { form: await organisationForm.show(data) };
};

export const actions: Actions = {
	save: async (event) => {
		const ctx = await requireAdmin(event);
		const id = uuidParam(event.params.organisationId);
		const { db } = ctx;
		return organisationForm.submit(event.request, {
			save: (d) => updateOrganisation(db, ctx, id, d),
			to: () => '/admin/organisations?saved=1',
			onConflict: (c) => ({ ...c, municipality: c.municipality ?? '' })
		});
	}
};
