import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { TEAM_ROLES } from '$lib/domain/roles';
import { searchSchema } from '$lib/schemas/children';
import { parsePage } from '$lib/schemas/common';
import { requireRole, viewerOf, database } from '$lib/server/http/authz';
import { listTeamChildren, searchChildren } from '$lib/server/features/children';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/http/forms';

export const load: PageServerLoad = async (event) => {
	await requireRole(event, ...TEAM_ROLES);
	return {
		children: await listTeamChildren(
			await database(),
			viewerOf(event),
			parsePage(event.url.searchParams)
		),
		form: await superValidate(zod4(searchSchema))
	};
};

export const actions: Actions = {
	// A POST, not a query string: a name or identity code must never end up in a URL.
	search: async (event) => {
		await requireRole(event, ...TEAM_ROLES);
		const form = await superValidate(await readForm(event.request), zod4(searchSchema));
		if (!form.valid) return fail(400, { form });
		const results = await searchChildren(await database(), viewerOf(event), form.data.query);
		return { form, results };
	}
};
