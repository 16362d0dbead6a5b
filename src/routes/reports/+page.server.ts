import { helsinkiDate } from '$lib/domain/access';
import { PARTNER_KINDS, REPORT_ROLES } from '$lib/domain/roles';
import { kindLabel } from '$lib/labels/kind';
import { parseReportFilter } from '$lib/schemas/reports';
import { requireRole, staffOf } from '$lib/server/http/authz';
import { httpFailure } from '$lib/server/http/forms';
import { figureView, periodOptions, reportHeading } from '$lib/server/features/reports';
import { canSendThl, readReport, reportScope } from '$lib/server/features/reports';
import type { PageServerLoad } from './$types';

/** §8: the system-level reports of the teams the viewer leads or manages; aggregates only. */
export const load: PageServerLoad = async (event) => {
	await requireRole(event, ...REPORT_ROLES);
	const viewer = staffOf(event);
	const { db } = viewer;
	const today = helsinkiDate();
	const scope = await reportScope(db, viewer).catch(httpFailure);
	// Across the team boundary (the region's management) only whole, ended periods (§8).
	const wholeOnly = scope.region;
	const filter = parseReportFilter(event.url.searchParams, today, { wholeOnly });
	// The THL return only for those who send it (§8): the consultant, the region's management.
	const thl = canSendThl(scope);
	const choices = {
		teams: scope.teams,
		periods: periodOptions(today, wholeOnly),
		wholeOnly,
		partners: PARTNER_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))
	};
	if (!filter.ok) return { choices, thl, form: filter.form, errors: filter.errors, report: null };
	const { figures, exact } = await readReport(db, viewer, filter, 'system').catch(httpFailure);
	return {
		choices,
		thl,
		form: filter.form,
		errors: null,
		report: {
			heading: reportHeading(scope, filter),
			query: new URLSearchParams(filter.form).toString(),
			// A team's own figures exactly for its members; across teams, the small-number rule.
			exact,
			figures: figures.map((f) => figureView(f))
		}
	};
};
