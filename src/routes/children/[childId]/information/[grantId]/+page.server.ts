import { answerSchema } from '$lib/schemas/children';
import { childPageAccess } from '$lib/server/http/authz';
import { defineCreateForm, httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { getChild } from '$lib/server/features/children';
import { answerInformationRequest, informationRequest } from '$lib/server/features/grants';
import type { Actions, PageServerLoad } from './$types';

const answerForm = defineCreateForm(answerSchema, 'form', { body: 'info_answer' });

const access = childPageAccess({ entityType: 'access_grant', entityParam: 'grantId' });

/** A 41 § information request as the partner it was made to sees it, and its answer form. */
export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	const { db } = ctx;
	const request = await informationRequest(db, ctx, uuidParam(event.params.grantId)).catch(
		httpFailure
	);
	const view = await getChild(db, ctx).catch(httpFailure);
	return {
		childId: ctx.childId,
		childName: `${view.child.givenName} ${view.child.familyName}`,
		request,
		form: await answerForm.show({ body: '' }, { errors: false })
	};
};

export const actions: Actions = {
	answer: async (event) => {
		const ctx = await access(event, 'create');
		const grantId = uuidParam(event.params.grantId);
		return answerForm.create(event, {
			save: (data, tx) => answerInformationRequest(tx, ctx, { grantId, body: data.body }),
			to: () => `/children/${ctx.childId}/information/${grantId}?saved=answer`
		});
	}
};
