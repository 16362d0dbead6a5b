import { colourLabel } from '../../../labels/colour';
import { m } from '../../../paraglide/messages';
import type { parseDashboardFilter } from '../../../schemas/dashboard';
import { colourOptions } from '../../words';
import { nearestClockText } from '../path';
import type { teamDashboard } from './dashboard';

type Dashboard = Awaited<ReturnType<typeof teamDashboard>>;
type Filter = ReturnType<typeof parseDashboardFilter>;

// Every signal by its own name: an unknown one is never read as another (§5, §11).
const signalLabel = (s: string) =>
	s === 'disagreement'
		? m.signal_name_disagreement()
		: s === 'not_safe'
			? m.signal_name_not_safe()
			: s === 'stale'
				? m.signal_name_stale()
				: s;

/**
 * The team's dashboard in words, in the reader's language (ADR 028): the home page is the
 * heaviest page, and the dashboard's fixed texts would come with it in three languages for
 * every role. Row fields the page only shows become text here; what it links or sorts by
 * stays as it was read.
 */
export function dashboardText(d: Dashboard, filter: Filter) {
	const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
	return {
		title: m.dashboard_title(),
		countsLabel: m.dashboard_counts(),
		counts: d.counts,
		unassessedLate: d.unassessedLate > 0,
		unassessed: d.unassessedLate
			? m.dashboard_unassessed_late({ count: d.unassessedLate })
			: d.unassessed
				? m.dashboard_unassessed({ count: d.unassessed })
				: null,
		overdue: d.overdueFlags ? m.flags_overdue_count({ count: d.overdueFlags }) : null,
		filters: {
			colour: m.dashboard_filter_colour(),
			worker: m.child_responsible_worker(),
			signal: m.dashboard_filter_signal(),
			deadline: m.dashboard_filter_deadline(),
			all: m.dashboard_all(),
			apply: m.dashboard_apply(),
			signals: (['disagreement', 'stale'] as const).map((value) => ({
				value,
				label: signalLabel(value)
			})),
			deadlines: [{ value: 'due' as const, label: m.dashboard_deadline_due() }],
			colours: colourOptions()
		},
		shown: m.dashboard_shown({ count: d.total }),
		caption: m.dashboard_table_caption(),
		columns: [
			m.child_name(),
			m.status_title(),
			m.status_signals(),
			m.dashboard_deadline(),
			m.child_responsible_worker(),
			m.dashboard_days_assessment(),
			m.dashboard_days_change()
		],
		siblings: m.dashboard_siblings(),
		paging:
			pages > 1
				? {
						text: m.dashboard_page({ page: filter.page, pages }),
						prev: filter.page > 1 ? { page: filter.page - 1, label: m.dashboard_prev() } : null,
						next: filter.page < pages ? { page: filter.page + 1, label: m.dashboard_next() } : null
					}
				: null,
		rows: d.rows.map((r) => ({
			...r,
			// Shown beside an override, so the team always sees what the rules say.
			overridden: r.computed ? m.dashboard_overridden({ colour: colourLabel(r.computed) }) : null,
			signals: r.signals.map(signalLabel).join(', '),
			clock: r.clock && nearestClockText(r.clock),
			flag: r.overdueFlag
				? { overdue: true, text: m.dashboard_flag_overdue() }
				: r.openFlag
					? { overdue: false, text: m.dashboard_flag_open() }
					: null
		}))
	};
}

export type DashboardText = ReturnType<typeof dashboardText>;
