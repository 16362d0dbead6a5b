import { helsinkiDate } from '$lib/domain/access';
import { thlHalfYears } from '$lib/domain/reports';
import { THL_ROLES } from '$lib/domain/roles';
import { formatDate } from '$lib/format';
import { parseThlFilter } from '$lib/schemas/reports';
import { requireRole, staffOf } from '$lib/server/http/authz';
import { httpFailure } from '$lib/server/http/forms';
import { figureView, reportHeading } from '$lib/server/features/reports';
import { readReport, reportScope } from '$lib/server/features/reports';
import type { PageServerLoad } from './$types';

/**
 * THL's half-yearly follow-up of processing times, for a team or all the viewer's teams:
 * an official return, exact, for those who send it (§8): the team's consultant social
 * worker and the region's management.
 */
export const load: PageServerLoad = async (event) => {
	await requireRole(event, ...THL_ROLES);
	const viewer = staffOf(event);
	const { db } = viewer;
	const today = helsinkiDate();
	const scope = await reportScope(db, viewer).catch(httpFailure);
	const filter = parseThlFilter(event.url.searchParams, today);
	const choices = {
		teams: scope.teams,
		halves: thlHalfYears(today).map((h) => ({
			value: h.from,
			label: `${formatDate(h.from)}–${formatDate(h.to)}`
		}))
	};
	const half = filter.form.period.split(':')[1] ?? '';
	if (!filter.ok)
		return { choices, team: filter.form.team, half, errors: filter.errors, report: null };
	const { figures } = await readReport(db, viewer, filter, ['thl']).catch(httpFailure);
	return {
		choices,
		team: filter.form.team,
		half,
		errors: null,
		report: {
			heading: reportHeading(scope, filter),
			query: new URLSearchParams(filter.form).toString(),
			figure: figureView(figures[0]!)
		}
	};
};
