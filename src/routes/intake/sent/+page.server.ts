import { parsePage } from '$lib/schemas/common';
import { requireRole } from '$lib/server/http/authz';
import { listReceipts } from '$lib/server/features/path';
import type { PageServerLoad } from './$types';

/** The receipts of the notifications the viewer's organisation has filed (§3). */
export const load: PageServerLoad = async (event) => {
	const staff = await requireRole(event, 'partner', 'residential_staff');
	return await listReceipts(staff.db, staff, parsePage(event.url.searchParams));
};
