import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { assessmentAction, assessmentForm } from '$lib/server/http/assessment-actions';
import { requireAssessmentChild } from '$lib/server/http/assessment-context';
import { httpFailure } from '$lib/server/http/forms';
import {
	assessmentFormText,
	formFromContent,
	getAssessment
} from '$lib/server/features/assessments';
import { emergencyPhoneFor, getChild } from '$lib/server/features/children';
import { words } from '$lib/server/words';
import type { Actions, PageServerLoad } from './$types';

/** A draft, visible and editable by its author only. */
export const load: PageServerLoad = async (event) => {
	const { aid, ctx } = await requireAssessmentChild(event);
	const { db } = ctx;
	const a = await getAssessment(db, ctx, aid).catch(httpFailure);
	if (a.status !== 'draft' || a.authorId !== ctx.userId) error(404, m.error_not_found());
	const view = await getChild(db, ctx);
	const data = {
		...formFromContent(a.a, a.a.instrumentVersion),
		assessmentId: aid,
		version: a.a.version,
		requestId: a.a.requestId ?? '',
		supersedesId: a.a.supersedesId ?? ''
	};
	return {
		child: {
			id: view.child.id,
			givenName: view.child.givenName,
			familyName: view.child.familyName
		},
		isCorrection: a.a.supersedesId !== null,
		form: await assessmentForm.show(data),
		// "Danger now" (§6): whom to call, from the child's team's organisation.
		assessment: assessmentFormText(
			ctx.access.membership.organisationKind,
			await emergencyPhoneFor(ctx.db, ctx)
		),
		// The page's fixed texts, in this language only (ADR 028: the JavaScript budget).
		t: words(
			'assessment_draft_title',
			'assessment_correction_title',
			'assessment_correction_intro',
			'assessment_draft_intro'
		)
	};
};

const act = (submit: boolean) => async (event: Parameters<Actions[string]>[0]) => {
	const { aid, ctx } = await requireAssessmentChild(event, 'update');
	return assessmentAction(event, ctx, submit, aid);
};

export const actions: Actions = { save: act(false), submit: act(true) };
