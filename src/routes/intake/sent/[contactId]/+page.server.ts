import { requireRole } from '$lib/server/http/authz';
import { httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { requireReceipt } from '$lib/server/features/path';
import type { PageServerLoad } from './$types';

/** One receipt: what the notifier filed and whom to contact, nothing of the record (§3). */
export const load: PageServerLoad = async (event) => {
	const staff = await requireRole(event, 'partner', 'residential_staff');
	const contactId = uuidParam(event.params.contactId);
	const receipt = await requireReceipt(staff.db, staff, contactId).catch(httpFailure);
	return { receipt };
};
