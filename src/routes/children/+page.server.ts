import { TEAM_ROLES } from '$lib/domain/roles';
import { searchSchema } from '$lib/schemas/children';
import { parsePage } from '$lib/schemas/common';
import { requireRole } from '$lib/server/http/authz';
import { listTeamChildren, searchChildren } from '$lib/server/features/children';
import { pagingText } from '$lib/server/words';
import type { Actions, PageServerLoad } from './$types';
import { defineForm, fail } from '$lib/server/http/forms';

const searchForm = defineForm(searchSchema, 'search', { query: 'children_search_label' });

export const load: PageServerLoad = async (event) => {
	const staff = await requireRole(event, ...TEAM_ROLES);
	const children = await listTeamChildren(staff.db, staff, parsePage(event.url.searchParams));
	return {
		children,
		paging: pagingText(children.page, children.pages),
		form: await searchForm.show()
	};
};

export const actions: Actions = {
	// A POST, not a query string: a name or identity code must never end up in a URL.
	search: async (event) => {
		const staff = await requireRole(event, ...TEAM_ROLES);
		const form = await searchForm.read(event.request);
		if (!form.valid) return fail(400, { form });
		const results = await searchChildren(staff.db, staff, form.data.query);
		return { form, results };
	}
};
