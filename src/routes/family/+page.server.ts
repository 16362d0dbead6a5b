import { myChildren } from '$lib/server/features/family';
import { familyBar, requireFamily } from '$lib/server/http/family';
import type { PageServerLoad } from './$types';

/** The family's home: the children the person may see now (DOMAIN §11). */
export const load: PageServerLoad = async (event) => {
	const ctx = requireFamily(event);
	return { bar: familyBar(ctx), children: await myChildren(ctx.db, ctx) };
};
