import { fail, redirect } from '@sveltejs/kit';
import { requireAssessmentChild } from '$lib/server/http/assessment-context';
import { httpFailure } from '$lib/server/http/forms';
import { getAssessment, startCorrection } from '$lib/server/features/assessments';
import { FieldError } from '$lib/server/errors';
import { getChild } from '$lib/server/features/children';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { aid, ctx } = await requireAssessmentChild(event);
	const { db } = ctx;
	const view = await getChild(db, ctx);
	const a = await getAssessment(db, ctx, aid).catch(httpFailure);
	if (a.status === 'draft') redirect(303, `/assessments/${aid}/edit`);
	return {
		child: {
			id: view.child.id,
			givenName: view.child.givenName,
			familyName: view.child.familyName
		},
		assessment: a
	};
};

export const actions: Actions = {
	correct: async (event) => {
		const { aid, ctx } = await requireAssessmentChild(event, 'create');
		let id: string;
		try {
			id = (await startCorrection(ctx.db, ctx, aid)).id;
		} catch (e) {
			// Someone of the organisation started a correction first: a conflict, not a bad form.
			if (e instanceof FieldError) return fail(409, { error: e.fields._form });
			httpFailure(e);
		}
		redirect(303, `/assessments/${id}/edit`);
	}
};
