import { clearOverrideSchema, overrideSchema } from '$lib/schemas/status';
import { childPageAccess, requireRecentAuth } from '$lib/server/http/authz';
import { defineForm, httpFailure } from '$lib/server/http/forms';
import { overrideFormState, setOverride } from '$lib/server/features/status';
import { OVERRIDE_MAX_DAYS } from '$lib/domain/traffic-light';
import { m } from '$lib/paraglide/messages';
import { colourOptions, words } from '$lib/server/words';
import type { Actions, PageServerLoad } from './$types';

const setForm = defineForm(overrideSchema, 'form', {
	colour: 'override_colour',
	reason: 'override_reason',
	reviewOn: 'override_review_on'
});
const clearForm = defineForm(clearOverrideSchema, 'clear');

const access = childPageAccess({ entityType: 'child_status', teamOnly: true });

export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	const state = await overrideFormState(ctx.db, ctx).catch(httpFailure);
	requireRecentAuth(event);
	return {
		childId: ctx.childId,
		computed: state.computed,
		hasOverride: !!state.override,
		t: words(
			'override_title',
			'override_intro',
			'override_computed',
			'override_save',
			'choose',
			'override_reason_hint',
			'override_clear'
		),
		colourOptions: colourOptions(),
		reviewHint: m.override_review_hint({ days: OVERRIDE_MAX_DAYS }),
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
