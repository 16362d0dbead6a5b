import { asc, inArray, or, sql } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import {
	afterIntensiveFigure,
	assessmentsFigure,
	caseloadsFigure,
	coloursFigure,
	confirmationsFigure,
	consultationsFigure,
	familyFigure,
	flagsFigure,
	intensiveFigure,
	meetingsFigure,
	overridesFigure,
	redResponseFigure,
	thlFigure,
	ADDITIVE_OVER_TEAMS,
	FIGURE_KEYS,
	type Figure,
	type FigureKey,
	type ShownFigure
} from '../../../domain/report-figures';
import { exactly, protectAcross, wholePeriodProblem, type Period } from '../../../domain/reports';
import { REPORT_ROLES, type OrganisationKind } from '../../../domain/roles';
import {
	actingMembership,
	actorOf,
	logAggregate,
	logDenied,
	type StaffContext
} from '../../access-log';
import type { ActingContext } from '../../context';
import { inTransaction, withCustomPlans, type DbOrTx } from '../../db';
import { togetherAll } from '../../db/together';
import { team } from '../../db/schema';
import { FieldError, ForbiddenError, NotFoundError } from '../../errors';
import { m } from '../../../paraglide/messages';
import * as q from './figures';

export type ReportTeam = { id: string; name: string };
/** A report reader's context: the teams they may read, and whether across the region. */
export type ReportContext = ActingContext & { teams: ReportTeam[]; region: boolean };

/**
 * The teams whose reports the viewer may read (§8): a coordinator's or consultant's own
 * team; for the region's management, every team of their organisation. Nobody else.
 */
export async function reportScope(db: DbOrTx, viewer: StaffContext): Promise<ReportContext> {
	const memberships = viewer.memberships.filter((ms) => REPORT_ROLES.includes(ms.role));
	const first = actingMembership({ ...viewer, memberships });
	if (!first) throw new ForbiddenError();
	const regionOrgs = memberships
		.filter((ms) => ms.role === 'region_manager')
		.map((ms) => ms.organisationId);
	const teamIds = memberships.flatMap((ms) =>
		ms.role !== 'region_manager' && ms.teamId ? [ms.teamId] : []
	);
	const conditions = [
		...(regionOrgs.length ? [inArray(team.organisationId, regionOrgs)] : []),
		...(teamIds.length ? [inArray(team.id, teamIds)] : [])
	];
	const teams = conditions.length
		? await db
				.select({ id: team.id, name: team.name })
				.from(team)
				.where(or(...conditions))
				.orderBy(asc(team.name))
		: [];
	return { ...viewer, teams, actor: actorOf(viewer, first), region: regionOrgs.length > 0 };
}

export type ReportFilter = {
	/** One team, or null for every team the viewer may see. */
	teamId: string | null;
	period: Period;
	partnerKind: OrganisationKind | null;
};

/** The filter's teams, or a 404 whose denied row is kept (a team the viewer may not see). */
async function teamsOf(db: DbOrTx, scope: ReportContext, filter: ReportFilter): Promise<string[]> {
	if (filter.teamId === null) return scope.teams.map((t) => t.id);
	if (scope.teams.some((t) => t.id === filter.teamId)) return [filter.teamId];
	await logDenied(db, scope.actor, {
		action: 'aggregate',
		entityType: 'report',
		entityId: filter.teamId,
		requestId: scope.actor.requestId
	});
	throw new NotFoundError();
}

/** The /reports page: every figure but THL's, which has its own page. */
const SYSTEM_FIGURES = FIGURE_KEYS.filter((k) => k !== 'thl');

async function figure(db: DbOrTx, key: FigureKey, s: q.Scope): Promise<Figure> {
	switch (key) {
		case 'colours':
			return coloursFigure(await q.coloursByMonth(db, s));
		case 'overrides':
			return overridesFigure(await q.overridesByMonth(db, s));
		case 'flags':
			return flagsFigure(await q.flagsByOutcome(db, s));
		case 'disagreements':
			return flagsFigure(await q.flagsByOutcome(db, s, 'disagreement'), 'disagreements');
		case 'red_response':
			return redResponseFigure(await q.redResponseByMonth(db, s));
		case 'consultations':
			return consultationsFigure(await q.consultationsByMonth(db, s));
		case 'intensive':
			return intensiveFigure(await q.intensiveByKind(db, s));
		case 'after_intensive':
			return afterIntensiveFigure(await q.colourAfterIntensive(db, s));
		case 'caseloads':
			return caseloadsFigure(await q.caseloadBands(db, s));
		case 'confirmations':
			return confirmationsFigure(await q.caseloadConfirmations(db, s));
		case 'assessments':
			return assessmentsFigure(await q.assessmentsByPartnerKind(db, s));
		case 'meetings':
			return meetingsFigure(await q.meetingsByMonth(db, s));
		case 'family':
			return familyFigure(await q.familyByMonth(db, s));
		case 'thl':
			return thlFigure(await q.thlFollowUp(db, s));
	}
}

/**
 * A figure across the team boundary (§8 revised, ADR 033): the reader may ask for each of
 * their teams and for all of them, and subtract one view from another, so the cells to
 * close are decided over every team's table and the sum at once, whichever one is shown.
 */
async function acrossTeams(
	tx: DbOrTx,
	key: FigureKey,
	s: q.Scope,
	scope: ReportContext,
	teamId: string | null
): Promise<ShownFigure> {
	const teamIds = scope.teams.map((t) => t.id);
	const { all, teams } = await q.byTeam(tx, { ...s, teamIds }, (d, part) => figure(d, key, part));
	const shown = protectAcross(
		teams.map((f) => f.grid),
		all.grid,
		ADDITIVE_OVER_TEAMS.has(key)
	);
	if (teamId === null) return { ...all, shown: shown.all };
	const i = teamIds.indexOf(teamId);
	return { ...teams[i]!, shown: shown.teams[i]! };
}

/**
 * Figures for the filter, read in one transaction with one access-log row of kind
 * `aggregate`: no child is named in it, as none is in the figures.
 */
export async function readReport(
	db: DbOrTx,
	viewer: StaffContext,
	filter: ReportFilter,
	keys: FigureKey[] | 'system',
	now = new Date()
): Promise<{ scope: ReportContext; figures: ShownFigure[]; exact: boolean }> {
	const scope = await reportScope(db, viewer);
	const teamIds = await teamsOf(db, scope, filter);
	const exact = exactFor(scope, teamIds, keys);
	// Where the small-number rule applies, whole ended quarters and no partner filter (§8): a second line
	// behind the routes, for the CSV too.
	if (!exact && wholePeriodProblem(filter.period, helsinkiDate(now)))
		throw new FieldError({ period: m.report_error_whole_periods() });
	if (!exact && filter.partnerKind)
		throw new FieldError({ partner: m.report_error_partner_region() });
	const wanted = keys === 'system' ? SYSTEM_FIGURES : keys;
	const s: q.Scope = {
		teamIds,
		period: filter.period,
		today: helsinkiDate(now),
		partnerKind: filter.partnerKind
	};
	// Prepared and planned for each scope's own values (ADR 049): unnamed, each figure's
	// statement waited for its own describe step and nothing went down behind it.
	const figures = await withCustomPlans(() =>
		inTransaction(db, async (tx) => {
			// The planner's cost for a region's aggregates crosses PostgreSQL's JIT threshold, and
			// compiling them takes longer than running them (measured: 0.4 s of a 0.8 s query).
			await tx.execute(sql`set local jit = off`);
			// All the figures at once: the transaction's one connection takes their statements in
			// a pipeline, so PostgreSQL runs the next while Node shapes and protects the last one.
			const out = await togetherAll(
				wanted.map(async (key): Promise<ShownFigure> => {
					if (!exact) return acrossTeams(tx, key, s, scope, filter.teamId);
					const f = await figure(tx, key, s);
					return { ...f, shown: exactly(f.grid) };
				})
			);
			await logAggregate(tx, scope.actor, {
				entityId: keys === 'system' ? 'system' : wanted.join(','),
				teamIds: teamIds
			});
			return out;
		})
	);
	return { scope, figures, exact };
}

/**
 * Whether the viewer sees these figures exactly (§8 revised): a member of every team in
 * them (they know every child already), or the THL return for those who send it (the
 * consultant social worker for their team, the region's management for the region).
 * Anything that crosses the team boundary keeps the small-number rule.
 */
function exactFor(scope: ReportContext, teamIds: string[], keys: FigureKey[] | 'system'): boolean {
	const own = new Set(scope.memberships.flatMap((ms) => (ms.teamId ? [ms.teamId] : [])));
	if (keys !== 'system' && keys.length === 1 && keys[0] === 'thl') return canSendThl(scope);
	return !scope.region && teamIds.length > 0 && teamIds.every((id) => own.has(id));
}

/** Who may send the THL return (and so see it): a team's consultant, or the region's management. */
export function canSendThl(scope: ReportContext): boolean {
	return (
		scope.region ||
		scope.memberships.some((ms) => ms.role === 'consultant_social_worker' && ms.teamId)
	);
}
