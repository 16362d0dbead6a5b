import { m } from '../../paraglide/messages';

/** What happened and what comes next, by the code an action put in `?saved=`. */
const texts: Record<string, () => string> = {
	submitted: m.saved_submitted,
	draft: m.saved_draft,
	requested: m.saved_requested,
	schedule: m.saved_schedule,
	record: m.saved_record,
	decline: m.saved_decline,
	close: m.saved_close,
	override: m.saved_override,
	override_cleared: m.saved_override_cleared,
	triaged: m.saved_triaged,
	step: m.saved_step,
	step_done: m.saved_step_done,
	step_undone: m.saved_step_undone,
	entry: m.saved_entry,
	contact: m.saved_contact,
	filed: m.contact_filed,
	urgency: m.saved_urgency,
	linked: m.saved_family_linked,
	unlinked: m.saved_family_unlinked,
	meeting_prepared: m.saved_meeting_prepared,
	meeting_opened: m.saved_meeting_opened,
	meeting_closed: m.saved_meeting_closed,
	agenda_added: m.saved_agenda,
	agenda_removed: m.saved_agenda,
	agenda_family: m.saved_agenda,
	agenda_moved: m.saved_agenda,
	rotation: m.saved_rotation,
	addendum: m.saved_meeting_record,
	discussion: m.saved_meeting_record,
	reflection: m.saved_meeting_record,
	hypothesis: m.saved_meeting_record,
	hypothesis_settled: m.saved_meeting_record,
	step_added: m.saved_meeting_record,
	step_settled: m.saved_meeting_record,
	decision: m.saved_decision,
	phase: m.saved_phase,
	client_plan: m.saved_client_plan,
	birth: m.saved_birth,
	answer: m.saved_answer,
	guardian_added: m.saved_guardian_added,
	guardian_ended: m.saved_guardian_ended,
	guardian_restricted: m.saved_guardian_restricted,
	guardian_lifted: m.saved_guardian_lifted,
	family_note: m.saved_family_note,
	own_view: m.saved_own_view,
	family_feedback: m.saved_family_feedback,
	privacy: m.saved_privacy,
	meeting_reply: m.saved_meeting_reply
};

export type SavedNotice = { text: string; caseloadWarning: string | null };

/**
 * The notice after a saved action, in words made here: the texts for every code in three
 * languages would otherwise ship with each page that can show one (ADR 025). An unknown
 * code reads "Saved."; a 21st or later child in a caseload (13 b §) is said, not blocked.
 */
export function savedNotice(params: URLSearchParams): SavedNotice | null {
	const code = params.get('saved');
	if (code === null) return null;
	const caseload = Number(params.get('caseload')) || 0;
	return {
		text: (Object.hasOwn(texts, code) ? texts[code]! : m.saved_notice)(),
		caseloadWarning: caseload > 20 ? m.caseload_warning({ count: caseload }) : null
	};
}
