import { consultationRequestSchema } from '$lib/schemas/workflows';
import { childPageAccess } from '$lib/server/http/authz';
import { requestConsultation } from '$lib/server/features/consultations';
import type { Actions, PageServerLoad } from './$types';
import { defineCreateForm } from '$lib/server/http/forms';

const requestForm = defineCreateForm(consultationRequestSchema, 'form', {
	question: 'consultation_question',
	urgency: 'consultation_urgency',
	background: 'consultation_background'
});

const access = childPageAccess({ entityType: 'consultation' });

// Anyone who may access the child may ask: the team, a partner, or the unit where the
// child is placed (a unit reaches only placed children, so the access check is the rule).
export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	return {
		childId: ctx.childId,
		form: await requestForm.show(undefined, { errors: false })
	};
};

export const actions: Actions = {
	request: async (event) => {
		const ctx = await access(event, 'create');
		return requestForm.create(event, {
			save: (data, tx) => requestConsultation(tx, ctx, data),
			to: (id) => `/consultations/${id}?saved=requested`
		});
	}
};
