import type { RequestEvent } from '@sveltejs/kit';
import { fromHelsinkiLocal } from '$lib/domain/time';
import {
	declineSchema,
	recordSchema,
	scheduleSchema,
	versionOnlySchema
} from '$lib/schemas/workflows';
import { requireEntityChild } from '$lib/server/http/entity-context';
import {
	defineForm,
	httpFailure,
	type FormDefinition,
	type VersionedSchema
} from '$lib/server/http/forms';
import type { z } from 'zod';
import {
	changeConsultation,
	type ConsultationChange,
	getConsultation,
	participantChoices
} from '$lib/server/features/consultations';
import type { Actions, PageServerLoad } from './$types';

const forms = {
	schedule: defineForm(scheduleSchema, 'schedule'),
	record: defineForm(recordSchema, 'record'),
	decline: defineForm(declineSchema, 'decline'),
	close: defineForm(versionOnlySchema, 'close')
};

const context = (event: RequestEvent<{ consultationId: string }>, action?: string) =>
	requireEntityChild(event, event.params.consultationId, 'consultation', { action });

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
		choices: view.actions.length ? await participantChoices(db, ctx.childId) : null
	};
};

type Key = keyof typeof forms;

/** Every form on the page saves through changeConsultation, checked against its version. */
async function change<S extends VersionedSchema>(
	event: RequestEvent<{ consultationId: string }>,
	key: Key,
	form: FormDefinition<S>,
	toChange: (data: z.infer<S>) => ConsultationChange
) {
	const { id, ctx } = await context(event, key);
	return form.submit(event.request, {
		save: async (data) => changeConsultation(ctx.db, ctx, id, data.version, toChange(data)),
		to: () => `/consultations/${id}?saved=${key}`,
		onConflict: (c) => ({ version: c.version })
	});
}

export const actions: Actions = {
	schedule: (e) =>
		change(e, 'schedule', forms.schedule, (d) => ({
			action: 'schedule',
			data: { ...d, scheduledAt: fromHelsinkiLocal(d.scheduledAt) }
		})),
	record: (e) => change(e, 'record', forms.record, (d) => ({ action: 'record', data: d })),
	decline: (e) =>
		change(e, 'decline', forms.decline, (d) => ({ action: 'decline', data: { reason: d.reason } })),
	close: (e) => change(e, 'close', forms.close, () => ({ action: 'close', data: {} }))
};
