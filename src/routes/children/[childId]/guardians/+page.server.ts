import { redirect } from '@sveltejs/kit';
import {
	endGuardianSchema,
	guardianSchema,
	liftRestrictionSchema,
	restrictGuardianSchema
} from '$lib/schemas/family';
import { childPageAccess } from '$lib/server/http/authz';
import {
	defineCreateForm,
	defineForm,
	httpFailure,
	plainFailure,
	readPlainForm
} from '$lib/server/http/forms';
import { getChild } from '$lib/server/features/children';
import {
	addGuardian,
	endGuardian,
	guardiansOf,
	guardiansText,
	liftRestriction,
	restrictGuardian
} from '$lib/server/features/family';
import { words } from '$lib/server/words';
import type { Actions, PageServerLoad } from './$types';

const guardianForm = defineCreateForm(guardianSchema, 'guardian', {
	name: 'guardian_name',
	identityCode: 'guardian_identity_code',
	locale: 'guardian_locale'
});
const restrictForm = defineForm(restrictGuardianSchema, 'restrict', {
	guardianId: 'guardian_restrict_who',
	reason: 'guardian_restrict_reason',
	reviewOn: 'guardian_restrict_review'
});

const access = childPageAccess({ entityType: 'guardian', teamOnly: true });

/** The child's guardians (§11): who may later see the family's own pages with Suomi.fi. */
export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	const view = await getChild(ctx.db, ctx);
	const name = `${view.child.givenName} ${view.child.familyName}`;
	const guardians = await guardiansOf(ctx.db, ctx).catch(httpFailure);
	return {
		childId: ctx.childId,
		name,
		...guardiansText(guardians, name),
		t: words(
			'guardian_name',
			'guardian_identity_code',
			'guardian_locale',
			'guardians_title',
			'guardians_current',
			'guardian_since',
			'guardian_access',
			'col_actions',
			'guardian_access_open',
			'guardians_none',
			'guardian_restrict_title',
			'guardian_restrict_intro',
			'guardian_restrict',
			'choose',
			'guardian_restrict_none',
			'guardian_add',
			'guardians_ended',
			'guardian_ended_on'
		),
		form: await guardianForm.show({ locale: 'fi' }),
		restrictForm: await restrictForm.show()
	};
};

export const actions: Actions = {
	addGuardian: async (event) => {
		const ctx = await access(event, 'create');
		return guardianForm.create(event, {
			save: (d, tx) => addGuardian(tx, ctx, d),
			to: () => `/children/${ctx.childId}/guardians?saved=guardian_added`
		});
	},
	endGuardian: async (event) => {
		const ctx = await access(event, 'end');
		const data = await readPlainForm(event.request, endGuardianSchema);
		// A plain form with one button: a problem is said on an error page of its own.
		await endGuardian(ctx.db, ctx, data).catch(plainFailure);
		redirect(303, `/children/${ctx.childId}/guardians?saved=guardian_ended`);
	},
	restrictGuardian: async (event) => {
		const ctx = await access(event, 'restrict');
		return restrictForm.submit(event.request, {
			save: (d) => restrictGuardian(ctx.db, ctx, d),
			to: () => `/children/${ctx.childId}/guardians?saved=guardian_restricted`
		});
	},
	liftRestriction: async (event) => {
		const ctx = await access(event, 'lift_restriction');
		const data = await readPlainForm(event.request, liftRestrictionSchema);
		await liftRestriction(ctx.db, ctx, data).catch(plainFailure);
		redirect(303, `/children/${ctx.childId}/guardians?saved=guardian_lifted`);
	}
};
