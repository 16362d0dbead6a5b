import { formatDate, formatDay } from '../../../format';
import { consultationStateLabel } from '../../../labels/consultation-state';
import { urgencyLabel } from '../../../labels/urgency';
import { m } from '../../../paraglide/messages';
import { pagingText } from '../../words';
import type { partnerInbox } from './grants';

type Inbox = Awaited<ReturnType<typeof partnerInbox>>;

const fullName = (x: { givenName: string; familyName: string }) => `${x.givenName} ${x.familyName}`;

/**
 * A partner's or a residential unit's inbox in words, in the reader's language (ADR 028):
 * the home page is the heaviest page, and these texts would come with it in three
 * languages for every role. `unit`: a residential unit, which may ask for a consultation
 * about each child it sees.
 */
export function inboxText(inbox: Inbox, { unit }: { unit: boolean }) {
	return {
		...inbox,
		overdue: m.request_overdue(),
		requestsTitle: m.inbox_requests({ count: inbox.requestTotal }),
		noRequests: m.inbox_no_requests(),
		requests: inbox.requests.map((r) => ({
			...r,
			link: m.inbox_assess({ name: fullName(r) }),
			due: `${m.request_due({ date: formatDate(r.dueDate) })} · ${m.request_from({ name: r.requestedByName })}`
		})),
		stepsTitle: m.inbox_steps(),
		steps: inbox.steps.map((st) => ({
			...st,
			link: m.inbox_step_for({ what: st.what, name: fullName(st) }),
			due: m.request_due({ date: formatDate(st.dueOn) })
		})),
		infoTitle: m.inbox_info_requests(),
		infoRequests: inbox.infoRequests.map((r) => ({
			...r,
			link: m.inbox_info_request_for({ name: fullName(r) }),
			due: m.request_due({ date: formatDate(r.dueOn) })
		})),
		search: {
			title: m.inbox_search(),
			button: m.inbox_search_button()
		},
		childrenTitle: inbox.name
			? m.inbox_search_results({ name: inbox.name, count: inbox.total })
			: m.inbox_children({ count: inbox.total }),
		showAll: m.inbox_show_all(),
		noChildren: m.inbox_no_children(),
		pagingLabel: m.children_paging(),
		paging: pagingText(inbox.page, inbox.pages),
		children: inbox.children.map((c) => ({
			...c,
			name: `${c.familyName}, ${c.givenName}`,
			born: formatDate(c.dateOfBirth),
			consult: unit ? m.unit_request_for({ name: fullName(c) }) : null
		})),
		unit: unit ? unitConsultations(inbox.consultations) : null
	};
}

/** A residential unit's consultations: a table of what it asked and where each stands. */
function unitConsultations(consultations: Inbox['consultations']) {
	return {
		title: m.unit_consultations_title({ count: consultations.length }),
		none: m.unit_consultations_none(),
		caption: m.unit_consultations_caption(),
		columns: [
			m.unit_col_child(),
			m.consultation_question(),
			m.consultation_state(),
			m.unit_col_requested()
		],
		rows: consultations.map((c) => ({
			id: c.id,
			child: `${c.familyName}, ${c.givenName}`,
			question: c.question,
			urgent: c.urgency === 'urgent' ? urgencyLabel(c.urgency) : null,
			state: consultationStateLabel(c.state),
			scheduledOn: c.state === 'scheduled' && c.scheduledAt ? formatDay(c.scheduledAt) : null,
			outcome: c.recorded ? m.unit_consultation_outcome_ready() : null,
			requestedOn: formatDay(c.createdAt)
		}))
	};
}

export type InboxText = ReturnType<typeof inboxText>;
