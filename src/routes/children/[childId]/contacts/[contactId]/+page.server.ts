import { helsinkiDate } from '$lib/domain/access';
import { can } from '$lib/domain/permissions';
import { clockState } from '$lib/domain/clocks';
import { decisionSchema, urgencySchema } from '$lib/schemas/path';
import { requireChildAccess } from '$lib/server/http/authz';
import { defineForm, httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import {
	assessUrgency,
	decideContact,
	getContact,
	responsibleOptions
} from '$lib/server/features/path';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { clockText } from '$lib/server/features/path';

const urgencyForm = defineForm(urgencySchema, 'urgency');
const decisionForm = defineForm(decisionSchema);

const access = (event: RequestEvent, action?: string) =>
	requireChildAccess(event, uuidParam(event.params.childId), {
		teamOnly: true,
		action,
		entityType: 'case_contact',
		entityId: uuidParam(event.params.contactId)
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
		contact: {
			id: c.id,
			kind: c.kind,
			receivedOn: c.receivedOn,
			notifierKind: c.notifierKind,
			summary: c.summary,
			urgent: c.urgent,
			urgencyAssessedAt: c.urgencyAssessedAt,
			decision: c.decision,
			decisionReason: c.decisionReason,
			decidedOn: c.decidedOn,
			organisationName: row.organisationName
		},
		child: {
			name: `${row.givenName} ${row.familyName}`,
			dateOfBirth: row.dateOfBirth,
			birthExpected: row.birthExpected
		},
		phase: row.phase,
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
		return urgencyForm.submit(event.request, {
			save: (data) => assessUrgency(db, ctx, contactId, data),
			to: () => `/children/${ctx.childId}/contacts/${contactId}?saved=urgency`,
			onConflict: (c) => ({ version: c.version })
		});
	},
	decide: async (event) => {
		const ctx = await access(event, 'decide');
		const { db } = ctx;
		const contactId = uuidParam(event.params.contactId);
		return decisionForm.submit(event.request, {
			save: (data) => decideContact(db, ctx, contactId, data),
			to: (notice) =>
				`/children/${ctx.childId}?saved=decision${notice ? `&caseload=${notice.workerCount}` : ''}`,
			onConflict: (c) => ({ version: c.version })
		});
	}
};
