import { redirect, type RequestEvent } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
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
import { formFailure, httpFailure, readForm } from '$lib/server/http/forms';
import { getChild } from '$lib/server/features/children';
import { changeWorkflow, getWorkflow, type WorkflowChange } from '$lib/server/features/intensive';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/http/authz';

const context = (event: RequestEvent<{ wid: string }>, action?: string) =>
	requireEntityChild(event, event.params.wid, 'intensive_workflow', { teamOnly: true, action });

export const load: PageServerLoad = async (event) => {
	const { id, ctx } = await context(event);
	const db = await database();
	const view = await getWorkflow(db, ctx, id).catch(httpFailure);
	const child = await getChild(db, ctx);
	const v = { version: view.workflow.version };
	const opts = (id: string) => ({ id, errors: false });
	return {
		...view,
		childId: ctx.childId,
		childName: `${child.child.givenName} ${child.child.familyName}`,
		forms: {
			activate: await superValidate(
				{ ...v, leadWorkerId: view.workflow.leadWorkerId },
				zod4(activateSchema),
				opts('activate')
			),
			close: await superValidate(v, zod4(closeWorkflowSchema), opts('close')),
			partner: await superValidate(v, zod4(partnerSchema), opts('partner')),
			step: await superValidate(v, zod4(stepSchema), opts('step')),
			entry: await superValidate(
				{ ...v, on: helsinkiDate(), kind: view.reviewDue ? 'review' : 'contact' },
				zod4(entrySchema),
				opts('entry')
			)
		}
	};
};

type Key = 'activate' | 'close' | 'partner' | 'step' | 'step_done' | 'entry';

async function run(
	event: RequestEvent<{ wid: string }>,
	key: Key,
	schema: Parameters<typeof zod4>[0],
	change: (d: Record<string, unknown>) => WorkflowChange
) {
	const { id, ctx } = await context(event, key);
	const form = await superValidate(await readForm(event.request), zod4(schema), { id: key });
	if (!form.valid) return fail(400, { [key]: form });
	try {
		const d = form.data as Record<string, unknown> & { version: number };
		await changeWorkflow(await database(), ctx, id, d.version, change(d));
	} catch (e) {
		return formFailure(form, e, { key, onConflict: (w) => ({ version: w.version }) });
	}
	redirect(303, `/workflows/${id}?saved=${key}`);
}

/* The schemas have checked the shapes; the casts only name them for the service. */
export const actions: Actions = {
	activate: (e) =>
		run(e, 'activate', activateSchema, (d) => ({
			action: 'activate',
			leadWorkerId: d.leadWorkerId as string
		})),
	close: (e) =>
		run(e, 'close', closeWorkflowSchema, (d) => ({
			action: 'close',
			outcome: d.outcome as never,
			outcomeNote: d.outcomeNote as string
		})),
	partner: (e) =>
		run(e, 'partner', partnerSchema, (d) => ({
			action: 'partner',
			organisationId: d.organisationId as string
		})),
	step: (e) =>
		run(e, 'step', stepSchema, (d) => ({
			action: 'step',
			what: d.what as string,
			who: d.who as string,
			dueOn: d.dueOn as string
		})),
	step_done: (e) =>
		run(e, 'step_done', stepDoneSchema, (d) => ({
			action: 'step_done',
			stepId: d.stepId as string,
			stepVersion: d.stepVersion as number
		})),
	entry: (e) =>
		run(e, 'entry', entrySchema, (d) => ({
			action: 'entry',
			kind: d.kind as 'contact' | 'review',
			on: d.on as string,
			note: d.note as string
		}))
};
