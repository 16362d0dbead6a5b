import { requireAdmin, database } from '$lib/server/authz';
import { listUsers } from '$lib/server/services/admin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = await requireAdmin(event);
	return { users: await listUsers(await database(), actor) };
};
