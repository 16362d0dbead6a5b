import { helsinkiDate } from '$lib/domain/access';
import { birthSchema } from '$lib/schemas/path';
import { childPageAccess } from '$lib/server/http/authz';
import { defineForm, httpFailure } from '$lib/server/http/forms';
import { getChild } from '$lib/server/features/children';
import { recordBirth } from '$lib/server/features/path';
import type { Actions, PageServerLoad } from './$types';

const birthForm = defineForm(birthSchema, 'form', {
	bornOn: 'birth_born_on',
	personalIdentityCode: 'child_hetu'
});

const access = childPageAccess({ entityType: 'child', teamOnly: true });

/** Recording the birth of a child notified before it (25 c §). */
export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	const view = await getChild(ctx.db, ctx).catch(httpFailure);
	if (view.kind !== 'team') throw new Error('unreachable: team-only access');
	const c = view.child;
	return {
		childId: ctx.childId,
		expected: c.birthExpected,
		expectedOn: c.dateOfBirth,
		form: await birthForm.show(
			{ bornOn: helsinkiDate(), personalIdentityCode: '', version: c.version },
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	record: async (event) => {
		const ctx = await access(event, 'update');
		const { db } = ctx;
		return birthForm.change(
			event,
			(data) => recordBirth(db, ctx, data),
			`/children/${ctx.childId}?saved=birth`
		);
	}
};
