import { z } from 'zod';
import { assessmentAction, assessmentForm } from '$lib/server/http/assessment-actions';
import { requireChildAccess } from '$lib/server/http/authz';
import { uuidParam } from '$lib/server/http/params';
import { assessmentFormText } from '$lib/server/features/assessments';
import { m } from '$lib/paraglide/messages';
import { emergencyPhoneFor, getChild } from '$lib/server/features/children';
import { words } from '$lib/server/words';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId));
	const view = await getChild(ctx.db, ctx);
	const form = await assessmentForm.show();
	const requestId = z.uuid().safeParse(event.params.requestId);
	if (requestId.success) form.data.requestId = requestId.data;
	return {
		child: {
			id: view.child.id,
			givenName: view.child.givenName,
			familyName: view.child.familyName
		},
		organisationName: ctx.access.membership.organisationName,
		form,
		// "Danger now" (§6): whom to call, from the child's team's organisation.
		assessment: assessmentFormText(
			ctx.access.membership.organisationKind,
			await emergencyPhoneFor(ctx.db, ctx)
		),
		// The page's fixed texts, in this language only (ADR 028: the JavaScript budget).
		t: words('assessment_new'),
		title: m.assessment_new_for({ name: `${view.child.givenName} ${view.child.familyName}` }),
		as: m.assessment_as({ organisation: ctx.access.membership.organisationName })
	};
};

const act = (submit: boolean) => async (event: Parameters<Actions[string]>[0]) =>
	assessmentAction(
		event,
		await requireChildAccess(event, uuidParam(event.params.childId), {
			action: 'create',
			entityType: 'assessment'
		}),
		submit
	);

export const actions: Actions = { save: act(false), submit: act(true) };
