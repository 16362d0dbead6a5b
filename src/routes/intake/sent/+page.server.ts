import { parsePage } from '$lib/schemas/common';
import { database, requireRole, viewerOf } from '$lib/server/http/authz';
import { listReceipts } from '$lib/server/features/path';
import type { PageServerLoad } from './$types';

/** The receipts of the notifications the viewer's organisation has filed (§3). */
export const load: PageServerLoad = async (event) => {
	await requireRole(event, 'partner', 'residential_staff');
	return await listReceipts(await database(), viewerOf(event), parsePage(event.url.searchParams));
};
