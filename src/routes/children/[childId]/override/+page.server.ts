import type { RequestEvent } from '@sveltejs/kit';
import { clearOverrideSchema, overrideSchema } from '$lib/schemas/status';
import { requireChildAccess, requireRecentAuth } from '$lib/server/http/authz';
import { defineForm, httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { overrideFormState, setOverride } from '$lib/server/features/status';
import type { Actions, PageServerLoad } from './$types';

const setForm = defineForm(overrideSchema);
const clearForm = defineForm(clearOverrideSchema, 'clear');

const access = (event: RequestEvent<{ childId: string }>, action?: string) =>
	requireChildAccess(event, uuidParam(event.params.childId), {
		teamOnly: true,
		action,
		entityType: 'child_status'
	});

export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	const state = await overrideFormState(ctx.db, ctx).catch(httpFailure);
	requireRecentAuth(event);
	return {
		childId: ctx.childId,
		computed: state.computed,
		hasOverride: !!state.override,
		form: await setForm.show(
			{ ...(state.override ?? {}), basedOn: state.basedOn },
			{ errors: false }
		),
		clearForm: await clearForm.show({ basedOn: state.basedOn })
	};
};

export const actions: Actions = {
	set: async (event) => {
		const ctx = await access(event, 'override');
		requireRecentAuth(event);
		const { db } = ctx;
		return setForm.submit(event.request, {
			save: (d) => setOverride(db, ctx, d),
			to: () => `/children/${ctx.childId}?saved=override`,
			onConflict: (c) => c
		});
	},
	clear: async (event) => {
		const ctx = await access(event, 'override_clear');
		requireRecentAuth(event);
		const { db } = ctx;
		return clearForm.submit(event.request, {
			save: (d) => setOverride(db, ctx, { basedOn: d.basedOn, clear: true }),
			to: () => `/children/${ctx.childId}?saved=override_cleared`,
			onConflict: (c) => c
		});
	}
};
