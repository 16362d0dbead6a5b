import { TEAM_ROLES } from '$lib/domain/roles';
import { childSchema } from '$lib/schemas/children';
import { requireRole } from '$lib/server/http/authz';
import { caseloadQuery, defineForm } from '$lib/server/http/forms';
import { createChild, teamWorkers } from '$lib/server/features/children';
import { responsibleOptions } from '$lib/server/features/path';
import { childLabels } from '../child-labels';
import type { Actions, PageServerLoad } from './$types';

const childForm = defineForm(childSchema, 'form', childLabels);

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
		const { membership, db } = staff;
		return childForm.submit(event.request, {
			save: (d) => createChild(db, staff, membership.teamId!, d),
			to: (made) => `/children/${made.id}?saved=1${caseloadQuery(made.caseload)}`
		});
	}
};
