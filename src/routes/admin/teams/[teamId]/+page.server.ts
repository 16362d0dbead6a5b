import { teamEditSchema } from '$lib/schemas/admin';
import { requireAdmin } from '$lib/server/http/authz';
import { defineForm, httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { getTeam, updateTeam } from '$lib/server/features/admin';
import type { Actions, PageServerLoad } from './$types';

const teamForm = defineForm(teamEditSchema, 'form', { name: 'team_name' });

export const load: PageServerLoad = async (event) => {
	const ctx = await requireAdmin(event);
	const t = await getTeam(ctx.db, ctx, uuidParam(event.params.teamId)).catch(httpFailure);
	return { form: await teamForm.show(t) };
};

export const actions: Actions = {
	save: async (event) => {
		const ctx = await requireAdmin(event);
		const id = uuidParam(event.params.teamId);
		const { db } = ctx;
		return teamForm.submit(event.request, {
			save: (d) => updateTeam(db, ctx, id, d),
			to: () => '/admin/teams?saved=1',
			onConflict: (c) => ({ name: c.name, version: c.version })
		});
	}
};
