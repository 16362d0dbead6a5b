import { helsinkiDate } from '$lib/domain/access';
import { can } from '$lib/domain/permissions';
import { clockState } from '$lib/domain/clocks';
import { decisionSchema, urgencySchema } from '$lib/schemas/path';
import { childPageAccess } from '$lib/server/http/authz';
import { caseloadQuery, defineForm, httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import {
	assessUrgency,
	decideContact,
	getContact,
	responsibleOptions
} from '$lib/server/features/path';
import type { Actions, PageServerLoad } from './$types';
import { clockText, contactText } from '$lib/server/features/path';
import { words } from '$lib/server/words';

const urgencyForm = defineForm(urgencySchema, 'urgency', { urgent: 'contact_urgency' });
const decisionForm = defineForm(decisionSchema, 'form', {
	decision: 'decision_label',
	decidedOn: 'decision_on',
	reason: 'decision_reason',
	responsibleWorkerId: 'child_responsible_worker',
	caseloadReason: 'caseload_reason'
});

const access = childPageAccess({
	entityType: 'case_contact',
	teamOnly: true,
	entityParam: 'contactId'
});

/** One contact: its urgency and the decision whether to start a needs assessment (§10). */
export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	const { db } = ctx;
	const row = await getContact(db, ctx, uuidParam(event.params.contactId)).catch(httpFailure);
	const canDecide = can(ctx.access.membership.role, 'decideContact');
	const c = row.contact;
	return {
		childId: ctx.childId,
		...contactText(row),
		// The page's fixed texts, in this language only (ADR 028: the JavaScript budget).
		t: words(
			'contact_urgency',
			'contact_child',
			'contact_received_on',
			'contact_notifier_kind',
			'contact_filed_by',
			'path_phase',
			'clock_decision',
			'contact_summary',
			'contact_urgency_title',
			'contact_urgency_save',
			'contact_urgency_hint',
			'contact_urgent_yes',
			'contact_urgent_no',
			'decision_title',
			'decision_intro',
			'decision_save',
			'decision_worker_hint',
			'choose',
			'decision_reason_hint',
			'caseload_reason_hint',
			'decision_by_social_worker'
		),
		clock: row.clock
			? clockText({
					dueOn: row.clock.dueOn,
					state: clockState(row.clock.dueOn, helsinkiDate(new Date()), row.clock.metOn)
				})
			: null,
		canDecide,
		workers: await responsibleOptions(db, ctx.access.membership.teamId!),
		urgencyForm: await urgencyForm.show({ version: c.version }, { errors: false }),
		form: await decisionForm.show(
			{
				version: c.version,
				decidedOn: helsinkiDate(new Date()),
				responsibleWorkerId: row.responsibleWorkerId ?? ''
			},
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	assessUrgency: async (event) => {
		const ctx = await access(event, 'update');
		const { db } = ctx;
		const contactId = uuidParam(event.params.contactId);
		return urgencyForm.change(
			event,
			(data) => assessUrgency(db, ctx, contactId, data),
			`/children/${ctx.childId}/contacts/${contactId}?saved=urgency`
		);
	},
	decide: async (event) => {
		const ctx = await access(event, 'decide');
		const { db } = ctx;
		const contactId = uuidParam(event.params.contactId);
		return decisionForm.change(
			event,
			(data) => decideContact(db, ctx, contactId, data),
			(notice) => `/children/${ctx.childId}?saved=decision${caseloadQuery(notice)}`
		);
	}
};
