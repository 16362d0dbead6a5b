import { redirect, type RequestEvent } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { clearOverrideSchema, overrideSchema } from '$lib/schemas/status';
import { database, requireChildAccess, requireRecentAuth } from '$lib/server/http/authz';
import { formFailure, httpFailure, readForm } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { overrideFormState, setOverride } from '$lib/server/features/status';
import type { Actions, PageServerLoad } from './$types';

const access = (event: RequestEvent<{ childId: string }>, action?: string) =>
	requireChildAccess(event, uuidParam(event.params.childId), {
		teamOnly: true,
		action,
		entityType: 'child_status'
	});

export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	const state = await overrideFormState(await database(), ctx).catch(httpFailure);
	requireRecentAuth(event);
	return {
		childId: ctx.childId,
		computed: state.computed,
		hasOverride: !!state.override,
		form: await superValidate(
			{ ...(state.override ?? {}), basedOn: state.basedOn },
			zod4(overrideSchema),
			{ errors: false }
		),
		clearForm: await superValidate({ basedOn: state.basedOn }, zod4(clearOverrideSchema), {
			id: 'clear'
		})
	};
};

export const actions: Actions = {
	set: async (event) => {
		const ctx = await access(event, 'override');
		requireRecentAuth(event);
		const form = await superValidate(await readForm(event.request), zod4(overrideSchema));
		if (!form.valid) return fail(400, { form });
		try {
			await setOverride(await database(), ctx, form.data);
		} catch (e) {
			return formFailure(form, e, { onConflict: (c) => c });
		}
		redirect(303, `/children/${ctx.childId}?saved=override`);
	},
	clear: async (event) => {
		const ctx = await access(event, 'override_clear');
		requireRecentAuth(event);
		const form = await superValidate(await readForm(event.request), zod4(clearOverrideSchema), {
			id: 'clear'
		});
		if (!form.valid) return fail(400, { clearForm: form });
		try {
			await setOverride(await database(), ctx, { basedOn: form.data.basedOn, clear: true });
		} catch (e) {
			return formFailure(form, e, { onConflict: (c) => c, key: 'clearForm' });
		}
		redirect(303, `/children/${ctx.childId}?saved=override_cleared`);
	}
};
