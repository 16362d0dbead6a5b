import { redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { consultationRequestSchema } from '$lib/schemas/workflows';
import { requireChildAccess } from '$lib/server/http/authz';
import { uuidParam } from '$lib/server/http/params';
import { requestConsultation } from '$lib/server/features/consultations';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/http/forms';

// Anyone who may access the child may ask: the team, a partner, or the unit where the
// child is placed (a unit reaches only placed children, so the access check is the rule).
export const load: PageServerLoad = async (event) => {
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId), {
		entityType: 'consultation'
	});
	return {
		childId: ctx.childId,
		form: await superValidate(zod4(consultationRequestSchema), { errors: false })
	};
};

export const actions: Actions = {
	request: async (event) => {
		const ctx = await requireChildAccess(event, uuidParam(event.params.childId), {
			action: 'create',
			entityType: 'consultation'
		});
		const form = await superValidate(
			await readForm(event.request),
			zod4(consultationRequestSchema)
		);
		if (!form.valid) return fail(400, { form });
		const id = await requestConsultation(ctx.db, ctx, form.data);
		redirect(303, `/consultations/${id}?saved=requested`);
	}
};
