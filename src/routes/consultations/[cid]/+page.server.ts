import { redirect, type RequestEvent } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { fromHelsinkiLocal } from '$lib/domain/time';
import {
	declineSchema,
	recordSchema,
	scheduleSchema,
	versionOnlySchema
} from '$lib/schemas/workflows';
import { requireEntityChild } from '$lib/server/http/entity-context';
import { formFailure, httpFailure, readForm } from '$lib/server/http/forms';
import {
	changeConsultation,
	getConsultation,
	participantChoices
} from '$lib/server/features/consultations';
import { getChild } from '$lib/server/features/children';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/http/authz';

const context = (event: RequestEvent<{ cid: string }>, action?: string) =>
	requireEntityChild(event, event.params.cid, 'consultation', { action });

export const load: PageServerLoad = async (event) => {
	const { id, ctx } = await context(event);
	const db = await database();
	const view = await getConsultation(db, ctx, id).catch(httpFailure);
	const child = await getChild(db, ctx);
	const version = view.consultation.version;
	const forms = view.actions.length
		? {
				schedule: await superValidate({ version }, zod4(scheduleSchema), {
					id: 'schedule',
					errors: false
				}),
				record: await superValidate({ version, hypotheses: [''] }, zod4(recordSchema), {
					id: 'record',
					errors: false
				}),
				decline: await superValidate({ version }, zod4(declineSchema), {
					id: 'decline',
					errors: false
				}),
				close: await superValidate({ version }, zod4(versionOnlySchema), { id: 'close' }),
				choices: await participantChoices(db, ctx.childId)
			}
		: null;
	return {
		...view,
		childId: ctx.childId,
		childName: `${child.child.givenName} ${child.child.familyName}`,
		forms
	};
};

async function run<T extends Record<string, unknown>>(
	event: RequestEvent<{ cid: string }>,
	key: 'schedule' | 'record' | 'decline' | 'close',
	schema: Parameters<typeof zod4>[0],
	change: (data: T) => Parameters<typeof changeConsultation>[4]
) {
	const { id, ctx } = await context(event, key);
	const form = await superValidate(await readForm(event.request), zod4(schema), { id: key });
	if (!form.valid) return fail(400, { [key]: form });
	try {
		const data = form.data as T & { version: number };
		await changeConsultation(await database(), ctx, id, data.version, change(data));
	} catch (e) {
		return formFailure(form, e, { key, onConflict: (c) => ({ version: c.version }) });
	}
	redirect(303, `/consultations/${id}?saved=${key}`);
}

type Schedule = {
	scheduledAt: string;
	place: string;
	participantOrganisationIds: string[];
	participantUserIds: string[];
};
type Record_ = {
	hypotheses: string[];
	recommendations: string;
	followUpOwnerId: string;
	followUpOn: string;
};

export const actions: Actions = {
	schedule: (event) =>
		run<Schedule>(event, 'schedule', scheduleSchema, (d) => ({
			action: 'schedule',
			data: { ...d, scheduledAt: fromHelsinkiLocal(d.scheduledAt) }
		})),
	record: (event) =>
		run<Record_>(event, 'record', recordSchema, (d) => ({ action: 'record', data: d })),
	decline: (event) =>
		run<{ reason: string }>(event, 'decline', declineSchema, (d) => ({
			action: 'decline',
			data: { reason: d.reason }
		})),
	close: (event) => run(event, 'close', versionOnlySchema, () => ({ action: 'close', data: {} }))
};
