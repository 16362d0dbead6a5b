import { requireAdmin } from '$lib/server/http/authz';
import { listUsers } from '$lib/server/features/admin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = await requireAdmin(event);
	return { users: await listUsers(ctx.db, ctx) };
};
