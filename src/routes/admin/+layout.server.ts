import { requireAdmin } from '$lib/server/http/authz';
import type { LayoutServerLoad } from './$types';

// A courtesy for navigation only: every load and action below checks again.
export const load: LayoutServerLoad = async (event) => {
	await requireAdmin(event);
	return {};
};
