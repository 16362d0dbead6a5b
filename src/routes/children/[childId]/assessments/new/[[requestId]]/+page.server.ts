import { z } from 'zod';
import { CURRENT_INSTRUMENT, itemsFor } from '$lib/domain/instrument';
import { assessmentAction, assessmentForm } from '$lib/server/http/assessment-actions';
import { requireChildAccess } from '$lib/server/http/authz';
import { uuidParam } from '$lib/server/http/params';
import { emergencyPhoneFor, getChild } from '$lib/server/features/children';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId));
	const view = await getChild(ctx.db, ctx);
	const form = await assessmentForm.show();
	const requestId = z.uuid().safeParse(event.params.requestId);
	if (requestId.success) form.data.requestId = requestId.data;
	const { suggested, others } = itemsFor(
		CURRENT_INSTRUMENT,
		ctx.access.membership.organisationKind
	);
	return {
		child: {
			id: view.child.id,
			givenName: view.child.givenName,
			familyName: view.child.familyName
		},
		organisationName: ctx.access.membership.organisationName,
		form,
		// "Danger now" (§6): whom to call, from the child's team's organisation.
		emergencyPhone: await emergencyPhoneFor(ctx.db, ctx),
		suggested: suggested.map((i) => i.id),
		others: others.map((i) => i.id)
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
