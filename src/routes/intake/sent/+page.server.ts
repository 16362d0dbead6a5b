import { parsePage } from '$lib/schemas/common';
import { requireRole } from '$lib/server/http/authz';
import { listReceipts } from '$lib/server/features/path';
import { pagingText } from '$lib/server/words';
import type { PageServerLoad } from './$types';

/** The receipts of the notifications the viewer's organisation has filed (§3). */
export const load: PageServerLoad = async (event) => {
	const staff = await requireRole(event, 'partner', 'residential_staff');
	const receipts = await listReceipts(staff.db, staff, parsePage(event.url.searchParams));
	return { ...receipts, paging: pagingText(receipts.page, receipts.pages) };
};
