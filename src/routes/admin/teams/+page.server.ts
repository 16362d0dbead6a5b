import { requireAdmin } from '$lib/server/http/authz';
import { listTeams } from '$lib/server/features/admin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = await requireAdmin(event);
	return { teams: await listTeams(ctx.db, ctx) };
};
