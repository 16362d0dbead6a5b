import { teamSchema } from '$lib/schemas/admin';
import { requireAdmin } from '$lib/server/http/authz';
import { defineCreateForm } from '$lib/server/http/forms';
import { createTeam, listOrganisations } from '$lib/server/features/admin';
import type { Actions, PageServerLoad } from './$types';

const teamForm = defineCreateForm(teamSchema, 'form', {
	organisationId: 'team_organisation',
	name: 'team_name'
});

export const load: PageServerLoad = async (event) => {
	const ctx = await requireAdmin(event);
	const orgs = await listOrganisations(ctx.db, ctx);
	return {
		form: await teamForm.show(),
		organisations: orgs
			.filter((o) => o.kind === 'child_protection')
			.map((o) => ({ value: o.id, label: o.name }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const ctx = await requireAdmin(event);
		return teamForm.create(event, {
			save: (d, tx) => createTeam(tx, ctx, d),
			to: () => '/admin/teams?saved=1'
		});
	}
};
