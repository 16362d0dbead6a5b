import { requireRecentAuth, requireChildAccess } from '$lib/server/http/authz';
import { uuidParam } from '$lib/server/http/params';
import { exportChildAccessLog } from '$lib/server/features/children';
import { securityEvent } from '$lib/server/auth';
import type { RequestHandler } from './$types';

/** The guardian's right to know (Act 703/2023 § 11): CSV for the team to hand over. */
export const GET: RequestHandler = async (event) => {
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId), {
		teamOnly: true,
		action: 'export',
		entityType: 'access_log'
	});
	requireRecentAuth(event);
	const csv = await exportChildAccessLog(ctx.db, ctx);
	securityEvent('export', {
		userId: ctx.userId,
		requestId: event.locals.requestId,
		what: 'access_log'
	});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			// A neutral file name: no name or identity code in it.
			'content-disposition': 'attachment; filename="access-log.csv"',
			'cache-control': 'no-store'
		}
	});
};
