import { ACCESS_BASES } from '$lib/domain/access';
import { formatDateTime } from '$lib/format';
import { basisLabel } from '$lib/labels/basis';
import { roleLabel } from '$lib/labels/role';
import { m } from '$lib/paraglide/messages';
import type { ReadLogLine } from '$lib/server/features/family';

/*
 * One line of "who has read our data" in plain words (§11): who (organisation and role, or
 * a family member), did what to which kind of information, when (Finnish time) and on
 * what basis. The log's own codes never reach the page.
 */

const WHAT: Record<string, () => string> = {
	child: m.family_what_child,
	child_status: m.family_what_child,
	identity_code: m.family_what_child,
	assessment: m.family_what_assessment,
	assessment_request: m.family_what_assessment,
	family_summary: m.family_what_family_summary,
	client_plan: m.family_what_client_plan,
	guardian: m.family_what_guardian,
	access_log: m.family_what_access_log,
	meeting: m.family_what_meeting,
	meeting_discussion: m.family_what_meeting,
	agenda_item: m.family_what_meeting,
	hypothesis: m.family_what_meeting,
	meeting_step: m.family_what_meeting,
	meeting_addendum: m.family_what_meeting,
	flag: m.family_what_flag,
	intensive_workflow: m.family_what_flag,
	consultation: m.family_what_consultation,
	child_path: m.family_what_path,
	statutory_clock: m.family_what_path,
	phase_change: m.family_what_path,
	placement: m.family_what_path,
	case_contact: m.family_what_contact,
	own_view: m.family_what_own_view,
	family_note: m.family_what_family_note,
	family_feedback: m.family_what_feedback
};

function actionText(action: string): string {
	if (['read', 'list', 'produce', 'aggregate'].includes(action)) return m.family_action_read();
	if (action === 'export') return m.family_action_export();
	return m.family_action_write();
}

function whoText(line: ReadLogLine): string {
	if (line.who === 'self') return m.family_who_self();
	if (line.who === 'family')
		return line.basis === 'own_data' ? m.family_who_child() : m.family_who_guardian();
	if (!line.organisationName) return m.family_who_unknown();
	return line.role ? `${line.organisationName}, ${roleLabel(line.role)}` : line.organisationName;
}

function basisText(basis: string | null): string {
	if (basis === 'guardian') return m.family_basis_guardian();
	if (basis === 'own_data') return m.family_basis_own_data();
	const known = ACCESS_BASES.find((b) => b === basis);
	return known ? basisLabel(known) : m.family_basis_other();
}

export function readLogText(line: ReadLogLine) {
	return {
		when: formatDateTime(line.lastAt),
		who: whoText(line),
		what: `${actionText(line.action)}: ${(WHAT[line.entityType] ?? m.family_what_other)()}`,
		basis: basisText(line.basis),
		times: line.times > 1 ? m.family_read_log_times({ count: line.times }) : null
	};
}
