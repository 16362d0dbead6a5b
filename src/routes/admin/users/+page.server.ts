import { requireAdmin } from '$lib/server/authz';
import { getDb } from '$lib/server/db';
import { listUsers } from '$lib/server/services/admin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor } = await requireAdmin(event);
	return { users: await listUsers(await getDb(), actor) };
};
