import { myChildren } from '$lib/server/features/family';
import { requireFamily } from '$lib/server/http/family';
import type { PageServerLoad } from './$types';

/** The family's home: the children the person may see now (DOMAIN §11). */
export const load: PageServerLoad = async (event) => {
	const ctx = requireFamily(event);
	return { children: await myChildren(ctx.db, ctx) };
};
