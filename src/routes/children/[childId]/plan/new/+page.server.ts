import { error } from '@sveltejs/kit';
import { helsinkiDate } from '$lib/domain/access';
import { addMonths } from '$lib/domain/clocks';
import { LOCALES } from '$lib/domain/roles';
import { m } from '$lib/paraglide/messages';
import { clientPlanSchema } from '$lib/schemas/path';
import { childPageAccess } from '$lib/server/http/authz';
import { defineCreateForm } from '$lib/server/http/forms';
import { childPath, latestClientPlan, saveClientPlan } from '$lib/server/features/path';
import type { Actions, PageServerLoad } from './$types';

const clientPlanForm = defineCreateForm(clientPlanSchema, 'form', {
	language: 'plan_language',
	madeOn: 'plan_made_on',
	situation: 'plan_situation',
	goals: 'plan_goals',
	services: 'plan_services',
	childView: 'plan_child_view',
	childHeardOn: 'plan_child_heard_on',
	parentsView: 'plan_parents_view',
	parentsHeardOn: 'plan_parents_heard_on',
	participation: 'plan_participation',
	nextReviewOn: 'plan_next_review'
});

const access = childPageAccess({ entityType: 'client_plan', teamOnly: true });

/**
 * A new version of the client plan, filled from the newest one (or empty for the first):
 * the worker changes what has changed, and the version before stays as it was.
 */
export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	const { db } = ctx;
	const path = await childPath(db, ctx);
	if (path?.kind !== 'team') error(404, m.error_not_found());
	const latest = await latestClientPlan(db, ctx);
	const today = helsinkiDate();
	const start = {
		basedOn: latest?.number ?? 0,
		language: latest?.language ?? 'fi',
		madeOn: today,
		situation: latest?.situation ?? '',
		goals: latest?.goals ?? '',
		services: latest?.services ?? '',
		childView: latest?.childView ?? '',
		childHeardOn: latest?.childHeardOn ?? '',
		parentsView: latest?.parentsView ?? '',
		parentsHeardOn: latest?.parentsHeardOn ?? '',
		participation: latest?.participation ?? '',
		nextReviewOn: addMonths(today, 12)
	};
	return {
		childId: ctx.childId,
		basedOn: latest?.number ?? null,
		languages: LOCALES,
		form: await clientPlanForm.show(start, { errors: false })
	};
};

export const actions: Actions = {
	save: async (event) => {
		const ctx = await access(event, 'create');
		return clientPlanForm.create(event, {
			save: (data, tx) => saveClientPlan(tx, ctx, data),
			to: (row) => `/children/${ctx.childId}/plan/${row.id}?saved=client_plan`,
			onConflict: (c) => ({ basedOn: c.basedOn })
		});
	}
};
