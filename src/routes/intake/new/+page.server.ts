import { isTeamRole, TEAM_ROLES } from '$lib/domain/roles';
import { helsinkiDate } from '$lib/domain/access';
import { newChildContactSchema } from '$lib/schemas/path';
import { requireRole } from '$lib/server/http/authz';
import { defineForm } from '$lib/server/http/forms';
import { fileContactForNewChild, intakeTeams } from '$lib/server/features/path';
import type { Actions, PageServerLoad } from './$types';

const FILERS = [...TEAM_ROLES, 'partner', 'residential_staff'] as const;
const contactForm = defineForm(newChildContactSchema);

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
		teams: teams.map((t) => ({ value: t.id, label: t.name })),
		form: await contactForm.show(
			{
				teamId: byTeam ? membership.teamId! : '',
				receivedOn: helsinkiDate(new Date()),
				// A partner files as its own kind; the app sets it, the field only keeps the form valid.
				notifierKind: byTeam ? undefined : 'other',
				kind: byTeam ? undefined : 'notification'
			},
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	file: async (event) => {
		const staff = await requireRole(event, ...FILERS);
		const { membership, db } = staff;
		return contactForm.submit(event.request, {
			save: (data) => fileContactForNewChild(db, staff, data),
			to: (r) =>
				isTeamRole(membership.role)
					? `/children/${r.childId}/contacts/${r.contactId}?saved=contact`
					: `/intake/sent/${r.contactId}?saved=filed`
		});
	}
};
