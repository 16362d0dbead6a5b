import type { RequestEvent } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { fromHelsinkiLocal } from '$lib/domain/time';
import {
	declineSchema,
	recordSchema,
	scheduleSchema,
	versionOnlySchema
} from '$lib/schemas/workflows';
import { requireEntityChild } from '$lib/server/http/entity-context';
import { httpFailure, submitForm, type VersionedSchema } from '$lib/server/http/forms';
import type { z } from 'zod';
import {
	changeConsultation,
	type ConsultationChange,
	getConsultation,
	participantChoices
} from '$lib/server/features/consultations';
import type { Actions, PageServerLoad } from './$types';
import {} from '$lib/server/http/authz';

const context = (event: RequestEvent<{ consultationId: string }>, action?: string) =>
	requireEntityChild(event, event.params.consultationId, 'consultation', { action });

export const load: PageServerLoad = async (event) => {
	const { id, ctx } = await context(event);
	const { db } = ctx;
	const view = await getConsultation(db, ctx, id).catch(httpFailure);
	const version = view.consultation.version;
	const opts = (id: string) => ({ id, errors: false });
	return {
		...view,
		childId: ctx.childId,
		// Invited without access to the child: no way into the rest of the record.
		childLink: ctx.access.basis !== 'consultation_invite',
		// Each form at the top level of the page data, where superforms finds it after a save
		// and takes the fresh version and empty fields (no stale errors).
		scheduleForm: await superValidate({ version }, zod4(scheduleSchema), opts('schedule')),
		recordForm: await superValidate(
			{ version, hypotheses: [''] },
			zod4(recordSchema),
			opts('record')
		),
		declineForm: await superValidate({ version }, zod4(declineSchema), opts('decline')),
		closeForm: await superValidate({ version }, zod4(versionOnlySchema), opts('close')),
		choices: view.actions.length ? await participantChoices(db, ctx.childId) : null
	};
};

type Key = 'schedule' | 'record' | 'decline' | 'close';

/** Every form on the page saves through changeConsultation, checked against its version. */
async function change<S extends VersionedSchema>(
	event: RequestEvent<{ consultationId: string }>,
	key: Key,
	schema: S,
	toChange: (data: z.infer<S>) => ConsultationChange
) {
	const { id, ctx } = await context(event, key);
	return submitForm(event.request, schema, {
		key,
		save: async (data) => changeConsultation(ctx.db, ctx, id, data.version, toChange(data)),
		to: () => `/consultations/${id}?saved=${key}`,
		onConflict: (c) => ({ version: c.version })
	});
}

export const actions: Actions = {
	schedule: (e) =>
		change(e, 'schedule', scheduleSchema, (d) => ({
			action: 'schedule',
			data: { ...d, scheduledAt: fromHelsinkiLocal(d.scheduledAt) }
		})),
	record: (e) => change(e, 'record', recordSchema, (d) => ({ action: 'record', data: d })),
	decline: (e) =>
		change(e, 'decline', declineSchema, (d) => ({ action: 'decline', data: { reason: d.reason } })),
	close: (e) => change(e, 'close', versionOnlySchema, () => ({ action: 'close', data: {} }))
};
