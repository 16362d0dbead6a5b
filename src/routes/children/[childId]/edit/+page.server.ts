import { redirect } from '@sveltejs/kit';
import { childEditSchema } from '$lib/schemas/children';
import { childPageAccess, requireRecentAuth } from '$lib/server/http/authz';
import { caseloadQuery, defineForm, fail, formFailure } from '$lib/server/http/forms';
import { getChild, teamWorkers, updateChild } from '$lib/server/features/children';
import { responsibleOptions } from '$lib/server/features/path';
import { childLabels } from '../../child-labels';
import type { Actions, PageServerLoad } from './$types';

const editForm = defineForm(childEditSchema, 'form', childLabels);

const access = childPageAccess({ teamOnly: true });

/** An empty text field for a value the record does not have (null). */
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const asForm = (c: Record<string, unknown>) => ({
	...c,
	personalIdentityCode: text(c.personalIdentityCode),
	responsibleWorkerId: text(c.responsibleWorkerId),
	secondWorkerId: text(c.secondWorkerId)
});

export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	// The form shows the whole identity code: a fresh confirmation first.
	requireRecentAuth(event);
	const { db } = ctx;
	const view = await getChild(db, ctx, { withIdentityCode: true });
	if (view.kind !== 'team') throw new Error('unreachable: team-only access');
	const workers = await teamWorkers(db, view.child.teamId);
	return {
		childId: ctx.childId,
		form: await editForm.show(asForm(view.child)),
		workers: await responsibleOptions(db, view.child.teamId),
		secondWorkers: workers.map((w) => ({ value: w.id, label: w.displayName }))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const ctx = await access(event, 'update');
		const form = await editForm.read(event.request);
		if (!form.valid) return fail(400, { form });
		let saved: Awaited<ReturnType<typeof updateChild>>;
		try {
			saved = await updateChild(ctx.db, ctx, form.data);
		} catch (e) {
			return formFailure(form, e, { onConflict: (c) => asForm(c) });
		}
		redirect(303, `/children/${ctx.childId}?saved=1${caseloadQuery(saved.caseload)}`);
	}
};
