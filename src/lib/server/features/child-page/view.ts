import { formatDate, formatDateTime } from '../../../format';
import { hypothesisStateLabel, stepOutcomeLabel } from '../../../labels/meeting';
import { consultationStateLabel } from '../../../labels/consultation-state';
import { flagStatusLabel } from '../../../labels/flag-status';
import { intensiveStateLabel } from '../../../labels/intensive-state';
import { triggerLabel } from '../../../labels/trigger';
import { workflowLabel } from '../../../labels/workflow';
import { m } from '../../../paraglide/messages';
import type { childPage } from '.';

type Page = Awaited<ReturnType<typeof childPage>>;
type Work = Page['work'];

/** A link on the child's page to a piece of work: what it is, and where it stands. */
export type WorkItem = { id: string; name: string; state: string };

/**
 * The work section of the child's page in words, in the reader's language (ADR 028): the
 * page only shows these labels, and with them it would carry five label modules in three
 * languages.
 */
export function workText(work: Work) {
	return {
		flags: work.flags.map((f) => ({
			id: f.id,
			name: triggerLabel(f.trigger),
			state:
				f.status === 'open'
					? `${flagStatusLabel(f.status)}, ${m.flag_due()} ${formatDate(f.dueOn)}`
					: flagStatusLabel(f.status),
			overdue: f.overdue
		})),
		workflows: work.workflows.map((w): WorkItem => ({
			id: w.id,
			name: workflowLabel(w.kind),
			state: intensiveStateLabel(w.state)
		})),
		consultations: work.consultations.map((c): WorkItem => ({
			id: c.id,
			name: m.consultation_requested_on({ date: formatDateTime(c.createdAt) }),
			state: consultationStateLabel(c.state)
		}))
	};
}

export type WorkText = ReturnType<typeof workText>;

/** The team's closed meetings on the child's page (§7): each decision and step in words. */
export function meetingsText(meetings: Page['meetings']) {
	return meetings.map((d) => ({
		...d,
		settled: d.settled.map((h) => ({ ...h, stateText: hypothesisStateLabel(h.state) })),
		steps: d.steps.map((s) => ({
			...s,
			byText: m.meeting_step_by({ date: formatDate(s.dueOn) }),
			outcomeText: stepOutcomeLabel(s.outcome)
		}))
	}));
}
