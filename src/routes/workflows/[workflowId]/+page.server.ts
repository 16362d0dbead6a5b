import type { RequestEvent } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { helsinkiDate } from '$lib/domain/access';
import {
	activateSchema,
	closeWorkflowSchema,
	entrySchema,
	partnerSchema,
	stepDoneSchema,
	stepSchema
} from '$lib/schemas/workflows';
import { requireEntityChild } from '$lib/server/http/entity-context';
import { httpFailure, submitForm, type VersionedSchema } from '$lib/server/http/forms';
import type { z } from 'zod';
import { getChild } from '$lib/server/features/children';
import { changeWorkflow, getWorkflow, type WorkflowChange } from '$lib/server/features/intensive';
import type { Actions, PageServerLoad } from './$types';
import {} from '$lib/server/http/authz';

const context = (event: RequestEvent<{ workflowId: string }>, action?: string) =>
	// Not team-only: a partner organisation taking part sees the plan and adds contacts; the
	// feature answers any other partner with a logged 404.
	requireEntityChild(event, event.params.workflowId, 'intensive_workflow', { action });

export const load: PageServerLoad = async (event) => {
	const { id, ctx } = await context(event);
	const { db } = ctx;
	const view = await getWorkflow(db, ctx, id).catch(httpFailure);
	const child = await getChild(db, ctx);
	const v = { version: view.workflow.version };
	const opts = (id: string) => ({ id, errors: false });
	return {
		...view,
		childId: ctx.childId,
		childName: `${child.child.givenName} ${child.child.familyName}`,
		// Each form at the top level of the page data, where superforms finds it after a save
		// and takes the fresh version and empty fields (no stale errors, no second step).
		activateForm: await superValidate(
			{ ...v, leadWorkerId: view.workflow.leadWorkerId },
			zod4(activateSchema),
			opts('activate')
		),
		closeForm: await superValidate(v, zod4(closeWorkflowSchema), opts('close')),
		partnerForm: await superValidate(v, zod4(partnerSchema), opts('partner')),
		stepForm: await superValidate(v, zod4(stepSchema), opts('step')),
		entryForm: await superValidate(
			{
				...v,
				on: helsinkiDate(),
				kind: view.reviewDue && view.canManage ? 'review' : 'contact'
			},
			zod4(entrySchema),
			opts('entry')
		)
	};
};

type Key = 'activate' | 'close' | 'partner' | 'step' | 'step_done' | 'step_undone' | 'entry';

/**
 * Every form on the page saves through changeWorkflow, checked against its own version.
 * `key` names the change: the form's id, the access-log action and the `?saved=` notice.
 */
async function change<S extends VersionedSchema>(
	event: RequestEvent<{ workflowId: string }>,
	key: Key,
	schema: S,
	toChange: (data: z.infer<S>) => WorkflowChange
) {
	const { id, ctx } = await context(event, key);
	return submitForm(event.request, schema, {
		key,
		save: async (data) => changeWorkflow(ctx.db, ctx, id, data.version, toChange(data)),
		to: () => `/workflows/${id}?saved=${key}`,
		onConflict: (w) => ({ version: w.version })
	});
}

export const actions: Actions = {
	activate: (e) => change(e, 'activate', activateSchema, (d) => ({ action: 'activate', ...d })),
	close: (e) => change(e, 'close', closeWorkflowSchema, (d) => ({ action: 'close', ...d })),
	addPartner: (e) => change(e, 'partner', partnerSchema, (d) => ({ action: 'partner', ...d })),
	addStep: (e) => change(e, 'step', stepSchema, (d) => ({ action: 'step', ...d })),
	markStepDone: (e) =>
		change(e, 'step_done', stepDoneSchema, (d) => ({ action: 'step_done', ...d })),
	undoStepDone: (e) =>
		change(e, 'step_undone', stepDoneSchema, (d) => ({ action: 'step_undone', ...d })),
	addEntry: (e) => change(e, 'entry', entrySchema, (d) => ({ action: 'entry', ...d }))
};
