import { isTeamRole, TEAM_ROLES } from '$lib/domain/roles';
import { newChildContactSchema } from '$lib/schemas/path';
import { requireRole } from '$lib/server/http/authz';
import { defineCreateForm } from '$lib/server/http/forms';
import {
	contactFieldsText,
	contactFormStart,
	fileContactForNewChild,
	intakeTeams
} from '$lib/server/features/path';
import { words } from '$lib/server/words';
import type { Actions, PageServerLoad } from './$types';

const FILERS = [...TEAM_ROLES, 'partner', 'residential_staff'] as const;
const contactForm = defineCreateForm(newChildContactSchema, 'form', {
	teamId: 'contact_team',
	givenName: 'child_given_name',
	familyName: 'child_family_name',
	birth: 'contact_birth',
	dateOfBirth: 'child_date_of_birth',
	personalIdentityCode: 'child_hetu',
	kind: 'contact_kind',
	receivedOn: 'contact_received_on',
	notifierKind: 'contact_notifier_kind',
	summary: 'contact_summary',
	urgent: 'contact_urgency'
});

/**
 * A notification or other contact about a child named in the form: the team logs one it
 * received; a partner files one to a team, which sees it in its intake list.
 */
export const load: PageServerLoad = async (event) => {
	const staff = await requireRole(event, ...FILERS);
	const { membership } = staff;
	const byTeam = isTeamRole(membership.role);
	const teams = byTeam
		? [{ id: membership.teamId!, name: membership.teamName ?? '' }]
		: await intakeTeams(staff.db);
	return {
		byTeam,
		t: words(
			'intake_new',
			'intake_back',
			'contact_partner_title',
			'intake_new_intro',
			'contact_partner_intro',
			'contact_save',
			'contact_send',
			'contact_team_hint',
			'choose',
			'contact_birth_hint',
			'contact_birth_born',
			'contact_birth_expected',
			'contact_hetu_hint'
		),
		fields: contactFieldsText(),
		teams: teams.map((t) => ({ value: t.id, label: t.name })),
		form: await contactForm.show(
			{ teamId: byTeam ? membership.teamId! : '', ...contactFormStart(byTeam, new Date()) },
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	file: async (event) => {
		const staff = await requireRole(event, ...FILERS);
		const { membership } = staff;
		return contactForm.create(event, {
			save: (data, tx) => fileContactForNewChild(tx, staff, data),
			to: (r) =>
				isTeamRole(membership.role)
					? `/children/${r.childId}/contacts/${r.contactId}?saved=contact`
					: `/intake/sent/${r.contactId}?saved=filed`
		});
	}
};
