import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';

/** What a notification says, in the reader's language. Never a name: only what happened. */
export function notificationText(kind: string, locale?: Locale): string {
	const o = locale ? { locale } : undefined;
	switch (kind) {
		case 'flag_red':
			return m.notify_flag_red({}, o);
		case 'flag_overdue':
			return m.notify_flag_overdue({}, o);
		case 'consultation_requested':
			return m.notify_consultation_requested({}, o);
		case 'consultation_scheduled':
			return m.notify_consultation_scheduled({}, o);
		case 'consultation_outcome':
			return m.notify_consultation_outcome({}, o);
		case 'review_overdue':
			return m.notify_review_overdue({}, o);
		case 'restriction_review':
			return m.notify_restriction_review({}, o);
		case 'information_request':
			return m.notify_information_request({}, o);
		case 'information_answered':
			return m.notify_information_answered({}, o);
		case 'workflow_partner_added':
			return m.notify_workflow_partner_added({}, o);
		case 'workflow_step_assigned':
			return m.notify_workflow_step_assigned({}, o);
		case 'request_new':
			return m.notify_request_new({}, o);
		case 'contact_new':
			return m.notify_contact_new({}, o);
		case 'request_due_soon':
			return m.notify_request_due_soon({}, o);
		case 'request_overdue':
			return m.notify_request_overdue({}, o);
		case 'assessment_arrived':
			return m.notify_assessment_arrived({}, o);
		case 'membership_pending':
			return m.notify_membership_pending({}, o);
		case 'password_link':
			return m.notify_password_link({}, o);
		case 'factor_reset':
			return m.notify_factor_reset({}, o);
		default:
			return kind;
	}
}
