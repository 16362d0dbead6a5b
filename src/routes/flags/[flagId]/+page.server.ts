import { redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { can } from '$lib/domain/permissions';
import { triageSchema } from '$lib/schemas/workflows';
import { requireEntityChild } from '$lib/server/http/entity-context';
import { formFailure, httpFailure, readForm } from '$lib/server/http/forms';
import { getChild } from '$lib/server/features/children';
import { getFlag, triageFlag } from '$lib/server/features/flags';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/http/authz';

export const load: PageServerLoad = async (event) => {
	const { id, ctx } = await requireEntityChild(event, event.params.flagId, 'flag', {
		teamOnly: true
	});
	const db = await database();
	const flag = await getFlag(db, ctx, id).catch(httpFailure);
	const view = await getChild(db, ctx);
	return {
		flag,
		child: { id: ctx.childId, name: `${view.child.givenName} ${view.child.familyName}` },
		canTriage: can(ctx.access.membership.role, 'triageFlag'),
		form: await superValidate(
			{ decision: flag.suggestedWorkflow, version: flag.version },
			zod4(triageSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	triage: async (event) => {
		const { id, ctx } = await requireEntityChild(event, event.params.flagId, 'flag', {
			teamOnly: true,
			action: 'triage'
		});
		const form = await superValidate(await readForm(event.request), zod4(triageSchema));
		if (!form.valid) return fail(400, { form });
		let result;
		try {
			result = await triageFlag(await database(), ctx, id, form.data);
		} catch (e) {
			return formFailure(form, e, { onConflict: (f) => ({ version: f.version }) });
		}
		if (result.intensiveId) redirect(303, `/workflows/${result.intensiveId}?saved=triaged`);
		if (result.consultationId)
			redirect(303, `/consultations/${result.consultationId}?saved=triaged`);
		redirect(303, `/flags?saved=triaged`);
	}
};
