import { can } from '$lib/domain/permissions';
import { triageSchema } from '$lib/schemas/workflows';
import { requireEntityChild } from '$lib/server/http/entity-context';
import { defineForm, httpFailure } from '$lib/server/http/forms';
import { getChild } from '$lib/server/features/children';
import { getFlag, triageFlag } from '$lib/server/features/flags';
import type { Actions, PageServerLoad } from './$types';

const triageForm = defineForm(triageSchema, 'form', {
	decision: 'flag_decision',
	note: 'flag_note'
});

export const load: PageServerLoad = async (event) => {
	const { id, ctx } = await requireEntityChild(event, event.params.flagId, 'flag', {
		teamOnly: true
	});
	const { db } = ctx;
	const flag = await getFlag(db, ctx, id).catch(httpFailure);
	const view = await getChild(db, ctx);
	return {
		flag,
		child: { id: ctx.childId, name: `${view.child.givenName} ${view.child.familyName}` },
		canTriage: can(ctx.access.membership.role, 'triageFlag'),
		form: await triageForm.show(
			{ decision: flag.suggestedWorkflow, version: flag.version },
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
		const { db } = ctx;
		return triageForm.change(
			event,
			(d) => triageFlag(db, ctx, id, d),
			// Where the decision sends the child: its new work, or back to the flags.
			(r) =>
				r.intensiveId
					? `/workflows/${r.intensiveId}?saved=triaged`
					: r.consultationId
						? `/consultations/${r.consultationId}?saved=triaged`
						: `/flags?saved=triaged`
		);
	}
};
