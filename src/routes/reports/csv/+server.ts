import { error } from '@sveltejs/kit';
import { helsinkiDate } from '$lib/domain/access';
import { REPORT_ROLES, THL_ROLES } from '$lib/domain/roles';
import { m } from '$lib/paraglide/messages';
import { parseFigureKey, parseReportFilter } from '$lib/schemas/reports';
import { requireRole } from '$lib/server/http/authz';
import { httpFailure } from '$lib/server/http/forms';
import { figureCsv } from '$lib/server/features/reports';
import { readReport } from '$lib/server/features/reports';
import { securityEvent } from '$lib/server/auth';
import type { RequestHandler } from './$types';

/** One figure as CSV, the same cells as its table ("< 5" and ".." included), for a
 * spreadsheet or (`format=plain`) for a machine. */
export const GET: RequestHandler = async (event) => {
	const staff = await requireRole(event, ...REPORT_ROLES);
	const key = parseFigureKey(event.url.searchParams.get('figure'));
	const filter = parseReportFilter(event.url.searchParams, helsinkiDate());
	if (!key || !filter.ok) error(400, m.error_form_invalid());
	// The THL return only for those who send it (§8), as its page.
	if (key === 'thl') await requireRole(event, ...THL_ROLES);
	const { db } = staff;
	const { figures } = await readReport(db, staff, filter, [key]).catch(httpFailure);
	securityEvent('export', {
		userId: event.locals.user?.id ?? null,
		requestId: event.locals.requestId,
		what: `report_${key}`
	});
	// A Finnish spreadsheet's format unless a machine's is asked for.
	const format = event.url.searchParams.get('format') === 'plain' ? 'plain' : 'excel';
	const name = `yhteisarvio-${key}-${filter.period.from}-${filter.period.to}${format === 'plain' ? '-data' : ''}.csv`;
	return new Response(figureCsv(figures[0]!, format), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
};
