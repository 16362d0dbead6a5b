import type { RequestEvent } from '@sveltejs/kit';
import { helsinkiDate } from '$lib/domain/access';
import { INTENSIVE_OUTCOMES } from '$lib/domain/workflows';
import { formatDate, formatDateTime } from '$lib/format';
import { intensiveStateLabel } from '$lib/labels/intensive-state';
import { outcomeLabel } from '$lib/labels/outcome';
import { workflowLabel } from '$lib/labels/workflow';
import { m } from '$lib/paraglide/messages';
import { words } from '$lib/server/words';
import {
	activateSchema,
	closeWorkflowSchema,
	entrySchema,
	partnerSchema,
	stepDoneSchema,
	stepSchema
} from '$lib/schemas/workflows';
import { requireEntityChild } from '$lib/server/http/entity-context';
import { defineForm, httpFailure, recordChange } from '$lib/server/http/forms';
import { getChild } from '$lib/server/features/children';
import { changeWorkflow, getWorkflow, type WorkflowChange } from '$lib/server/features/intensive';
import type { Actions, PageServerLoad } from './$types';

/** Each form's id is its change's key: the access-log action and the `?saved=` notice. */
const forms = {
	activate: defineForm(activateSchema, 'activate', { leadWorkerId: 'workflow_lead' }),
	close: defineForm(closeWorkflowSchema, 'close', {
		outcome: 'workflow_outcome',
		outcomeNote: 'workflow_outcome_note'
	}),
	partner: defineForm(partnerSchema, 'partner', { organisationId: 'workflow_partner_org' }),
	step: defineForm(stepSchema, 'step', {
		what: 'workflow_step_what',
		who: 'workflow_step_who',
		ownerOrganisationId: 'workflow_step_owner',
		dueOn: 'workflow_step_due'
	}),
	step_done: defineForm(stepDoneSchema, 'step_done'),
	step_undone: defineForm(stepDoneSchema, 'step_undone'),
	entry: defineForm(entrySchema, 'entry', {
		kind: 'workflow_entry_kind',
		on: 'workflow_entry_on',
		note: 'workflow_entry_note'
	})
};

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
	const start = { errors: false };
	const w = view.workflow;
	return {
		...view,
		// The page only shows these (ADR 028): labels and sentences in this language only.
		kindText: workflowLabel(w.kind),
		stateText: intensiveStateLabel(w.state),
		outcomeText: w.outcome ? outcomeLabel(w.outcome) : null,
		outcomes: INTENSIVE_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) })),
		steps: view.steps.map((s) => ({
			...s,
			byText: m.workflow_by({ date: formatDate(s.dueOn) }),
			doneText: s.doneAt ? m.workflow_step_done_on({ date: formatDateTime(s.doneAt) }) : null,
			undoLabel: m.workflow_undo_done({ what: s.what }),
			markLabel: m.workflow_mark_done({ what: s.what })
		})),
		t: words(
			'conflict_notice',
			'workflow_state',
			'workflow_lead',
			'workflow_partners',
			'workflow_next_review',
			'workflow_review_due',
			'workflow_outcome',
			'workflow_plan',
			'workflow_no_steps',
			'workflow_log',
			'workflow_entry_review',
			'workflow_entry_contact',
			'workflow_no_entries',
			'workflow_activate',
			'workflow_activate_intro',
			'workflow_activate_save',
			'workflow_close',
			'workflow_close_save',
			'workflow_add_step',
			'workflow_add_step_save',
			'workflow_step_what_hint',
			'workflow_step_owner_hint',
			'workflow_step_owner_team',
			'workflow_add_entry',
			'workflow_add_entry_save',
			'workflow_entry_note_hint',
			'workflow_add_partner',
			'workflow_add_partner_hint',
			'workflow_add_partner_save',
			'choose'
		),
		childId: ctx.childId,
		childName: `${child.child.givenName} ${child.child.familyName}`,
		// Each form at the top level of the page data, where superforms finds it after a save
		// and takes the fresh version and empty fields (no stale errors, no second step).
		activateForm: await forms.activate.show(
			{ ...v, leadWorkerId: view.workflow.leadWorkerId },
			start
		),
		closeForm: await forms.close.show(v, start),
		partnerForm: await forms.partner.show(v, start),
		stepForm: await forms.step.show(v, start),
		entryForm: await forms.entry.show(
			{ ...v, on: helsinkiDate(), kind: view.reviewDue && view.canManage ? 'review' : 'contact' },
			start
		)
	};
};

/** Every form on the page saves through changeWorkflow, checked against its version. */
const change = recordChange(
	context,
	(ctx, id, version, c: WorkflowChange) => changeWorkflow(ctx.db, ctx, id, version, c),
	(id) => `/workflows/${id}`
);

export const actions: Actions = {
	activate: (e) => change(e, forms.activate, (d) => ({ action: 'activate', ...d })),
	close: (e) => change(e, forms.close, (d) => ({ action: 'close', ...d })),
	addPartner: (e) => change(e, forms.partner, (d) => ({ action: 'partner', ...d })),
	addStep: (e) => change(e, forms.step, (d) => ({ action: 'step', ...d })),
	markStepDone: (e) => change(e, forms.step_done, (d) => ({ action: 'step_done', ...d })),
	undoStepDone: (e) => change(e, forms.step_undone, (d) => ({ action: 'step_undone', ...d })),
	addEntry: (e) => change(e, forms.entry, (d) => ({ action: 'entry', ...d }))
};
