import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { fromHelsinkiLocal } from '$lib/domain/time';
import {
	declineSchema,
	recordSchema,
	scheduleSchema,
	versionOnlySchema
} from '$lib/schemas/workflows';
import { requireEntityChild } from '$lib/server/http/entity-context';
import { defineForm, httpFailure, readForm, recordChange } from '$lib/server/http/forms';
import {
	changeConsultation,
	type ConsultationChange,
	consultationOrganisations,
	findInvitees,
	FOUND_AT_MOST,
	getConsultation,
	type Invitee,
	participantChoices
} from '$lib/server/features/consultations';
import { consultationStateLabel } from '$lib/labels/consultation-state';
import { urgencyLabel } from '$lib/labels/urgency';
import { m } from '$lib/paraglide/messages';
import { words } from '$lib/server/words';
import type { Actions, PageServerLoad } from './$types';

const forms = {
	schedule: defineForm(scheduleSchema, 'schedule', {
		scheduledAt: 'consultation_time',
		place: 'consultation_place',
		participantUserIds: 'consultation_people',
		participantOrganisationIds: 'consultation_organisations'
	}),
	record: defineForm(recordSchema, 'record', {
		hypotheses: 'consultation_hypotheses',
		recommendations: 'consultation_recommendations',
		followUpOwnerId: 'consultation_follow_up_owner',
		followUpOn: 'consultation_follow_up_on'
	}),
	decline: defineForm(declineSchema, 'decline', { reason: 'consultation_decline_reason' }),
	close: defineForm(versionOnlySchema, 'close')
};

/** An organisation without access to the child is named as such where it may be invited. */
const labelled = (organisations: Invitee[]) =>
	organisations.map((o) => ({
		...o,
		label: o.hasAccess ? o.name : m.consultation_org_no_access({ name: o.name })
	}));

function withLabels(c: Awaited<ReturnType<typeof participantChoices>>) {
	return { people: c.people, organisations: labelled(c.organisations), searchable: c.searchable };
}

/** What a search found, in words. */
function foundNotice(search: string, found: { ids: string[]; more: boolean } | undefined) {
	if (!search || !found) return null;
	const count = found.ids.length;
	if (count === 0) return m.consultation_found_no_orgs({ search });
	if (found.more) return m.consultation_found_orgs_more({ search, count: FOUND_AT_MOST });
	return m.consultation_found_orgs({ search, count });
}

/** A part of an organisation's name; anything else is no search. */
const searchText = z.string().trim().max(200).catch('');

// One access check per request: a schedule sent back needs the context again, for the
// organisations to show with it.
const checked = new WeakMap<RequestEvent, ReturnType<typeof requireEntityChild>>();
const context = (event: RequestEvent<{ consultationId: string }>, action?: string) => {
	let check = checked.get(event);
	if (!check) {
		check = requireEntityChild(event, event.params.consultationId, 'consultation', { action });
		checked.set(event, check);
	}
	return check;
};

export const load: PageServerLoad = async (event) => {
	const { id, ctx } = await context(event);
	const { db } = ctx;
	const view = await getConsultation(db, ctx, id).catch(httpFailure);
	const version = view.consultation.version;
	const start = { errors: false };
	return {
		...view,
		childId: ctx.childId,
		// Invited without access to the child: no way into the rest of the record.
		childLink: ctx.access.basis !== 'consultation_invite',
		// Each form at the top level of the page data, where superforms finds it after a save
		// and takes the fresh version and empty fields (no stale errors).
		scheduleForm: await forms.schedule.show({ version }, start),
		recordForm: await forms.record.show({ version, hypotheses: [''] }, start),
		declineForm: await forms.decline.show({ version }, start),
		closeForm: await forms.close.show({ version }, start),
		choices: view.actions.length
			? withLabels(
					await participantChoices(db, ctx.childId, {
						keep: consultationOrganisations(view.consultation)
					})
				)
			: null,
		// What the page only shows, in this language only (ADR 028: the JavaScript budget).
		stateText: consultationStateLabel(view.consultation.state),
		urgencyText: urgencyLabel(view.consultation.urgency),
		t: words(
			'consultation_title',
			'consultation_state',
			'consultation_requester',
			'consultation_question',
			'consultation_urgency',
			'consultation_background',
			'consultation_time',
			'consultation_place',
			'consultation_participants',
			'consultation_decline_reason',
			'consultation_outcome',
			'consultation_hypotheses',
			'consultation_recommendations',
			'consultation_follow_up',
			'consultation_record',
			'consultation_record_intro',
			'consultation_record_save',
			'consultation_hypotheses_hint',
			'consultation_hypothesis_add',
			'choose',
			'consultation_schedule',
			'consultation_schedule_save',
			'consultation_place_hint',
			'consultation_find_orgs',
			'consultation_find_orgs_hint',
			'consultation_find_orgs_button',
			'consultation_close',
			'consultation_close_save',
			'consultation_close_question',
			'consultation_close_consequence',
			'consultation_close_confirm',
			'cancel',
			'consultation_decline',
			'consultation_decline_save'
		)
	};
};

/** Every form on the page saves through changeConsultation, checked against its version. */
const change = recordChange(
	context,
	(ctx, id, version, c: ConsultationChange) => changeConsultation(ctx.db, ctx, id, version, c),
	(id) => `/consultations/${id}`
);

export const actions: Actions = {
	schedule: async (e) => {
		const answer = await change(e, forms.schedule, (d) => ({
			action: 'schedule',
			data: { ...d, scheduledAt: fromHelsinkiLocal(d.scheduledAt) }
		}));
		// A save redirects; an answer is the form sent back to be mended, where an organisation
		// ticked from a search must stay a choice.
		const { id, ctx } = await context(e, 'schedule');
		const ticked = answer.data.schedule?.data.participantOrganisationIds;
		const found = await findInvitees(ctx.db, ctx, id, {
			search: '',
			ticked: Array.isArray(ticked) ? ticked.filter((t) => typeof t === 'string') : []
		}).catch(httpFailure);
		return fail(answer.status, { ...answer.data, invitees: labelled(found.organisations) });
	},
	/** Finds organisations to invite by name, keeping everything the schedule form holds. */
	findOrganisations: async (e) => {
		const { id, ctx } = await context(e, 'schedule');
		const body = await readForm(e.request);
		const schedule = await forms.schedule.keep(body);
		const search = searchText.parse(body.get('organisationSearch') ?? '');
		const found = await findInvitees(ctx.db, ctx, id, {
			search,
			ticked: schedule.data.participantOrganisationIds
		}).catch(httpFailure);
		return {
			schedule,
			invitees: labelled(found.organisations),
			search,
			notice: foundNotice(search, found.found)
		};
	},
	record: (e) => change(e, forms.record, (d) => ({ action: 'record', data: d })),
	decline: (e) =>
		change(e, forms.decline, (d) => ({ action: 'decline', data: { reason: d.reason } })),
	close: (e) => change(e, forms.close, () => ({ action: 'close', data: {} }))
};
