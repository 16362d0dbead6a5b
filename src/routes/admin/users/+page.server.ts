import { parsePage } from '$lib/schemas/common';
import { requireAdmin } from '$lib/server/http/authz';
import { listUsers } from '$lib/server/features/admin';
import { pagingText } from '$lib/server/words';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = await requireAdmin(event);
	const list = await listUsers(ctx.db, ctx, parsePage(event.url.searchParams));
	return {
		users: list.rows,
		page: list.page,
		pages: list.pages,
		paging: pagingText(list.page, list.pages)
	};
};
