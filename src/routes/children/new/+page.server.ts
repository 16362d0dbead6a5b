import { redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { TEAM_ROLES } from '$lib/domain/roles';
import { childSchema } from '$lib/schemas/children';
import { requireRole, viewerOf, database } from '$lib/server/http/authz';
import { caseloadQuery, formFailure, readForm } from '$lib/server/http/forms';
import { createChild, teamWorkers } from '$lib/server/features/children';
import { responsibleOptions } from '$lib/server/features/path';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { membership } = await requireRole(event, ...TEAM_ROLES);
	const db = await database();
	const workers = await teamWorkers(db, membership.teamId!);
	return {
		form: await superValidate(zod4(childSchema)),
		workers: await responsibleOptions(db, membership.teamId!),
		secondWorkers: workers.map((w) => ({ value: w.id, label: w.displayName }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { membership } = await requireRole(event, ...TEAM_ROLES);
		const form = await superValidate(await readForm(event.request), zod4(childSchema));
		if (!form.valid) return fail(400, { form });
		let made: Awaited<ReturnType<typeof createChild>>;
		try {
			made = await createChild(await database(), viewerOf(event), membership.teamId!, form.data);
		} catch (e) {
			return formFailure(form, e);
		}
		redirect(303, `/children/${made.id}?saved=1${caseloadQuery(made.caseload)}`);
	}
};
