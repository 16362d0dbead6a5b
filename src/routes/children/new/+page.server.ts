import { TEAM_ROLES } from '$lib/domain/roles';
import { childSchema } from '$lib/schemas/children';
import { requireRole } from '$lib/server/http/authz';
import { caseloadQuery, defineCreateForm } from '$lib/server/http/forms';
import { createChild, teamWorkers } from '$lib/server/features/children';
import { responsibleOptions } from '$lib/server/features/path';
import { childLabels } from '../child-labels';
import type { Actions, PageServerLoad } from './$types';

const childForm = defineCreateForm(childSchema, 'form', childLabels);

export const load: PageServerLoad = async (event) => {
	const staff = await requireRole(event, ...TEAM_ROLES);
	const { membership, db } = staff;
	const workers = await teamWorkers(db, membership.teamId!);
	return {
		form: await childForm.show(),
		workers: await responsibleOptions(db, membership.teamId!),
		secondWorkers: workers.map((w) => ({ value: w.id, label: w.displayName }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const staff = await requireRole(event, ...TEAM_ROLES);
		const { membership } = staff;
		return childForm.create(event, {
			save: (d, tx) => createChild(tx, staff, membership.teamId!, d),
			to: (made) => `/children/${made.id}?saved=1${caseloadQuery(made.caseload)}`
		});
	}
};
