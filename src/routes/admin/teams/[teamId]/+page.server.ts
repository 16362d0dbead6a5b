import { error, redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { teamEditSchema } from '$lib/schemas/admin';
import { requireAdmin, database } from '$lib/server/http/authz';
import { formFailure, readForm } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { getTeam, updateTeam } from '$lib/server/features/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = await requireAdmin(event);
	const t = await getTeam(await database(), actor, uuidParam(event.params.teamId)).catch(() =>
		error(404, m.error_not_found())
	);
	return { form: await superValidate(t, zod4(teamEditSchema)) };
};

export const actions: Actions = {
	save: async (event) => {
		const { actor } = await requireAdmin(event);
		const form = await superValidate(await readForm(event.request), zod4(teamEditSchema));
		if (!form.valid) return fail(400, { form });
		try {
			await updateTeam(await database(), actor, uuidParam(event.params.teamId), form.data);
		} catch (e) {
			return formFailure(form, e, { onConflict: (c) => ({ name: c.name, version: c.version }) });
		}
		redirect(303, '/admin/teams?saved=1');
	}
};
