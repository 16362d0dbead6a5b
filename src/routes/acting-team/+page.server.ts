import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { TEAM_ROLES } from '$lib/domain/roles';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/http/authz';
import { setTeamCookie } from '$lib/server/http/cookie';
import { readPlainForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

/** Nothing to show: the switch lives in the header. */
export const load: PageServerLoad = async (event) => {
	await requireRole(event, ...TEAM_ROLES);
	redirect(303, '/');
};

const chooseSchema = z.object({ teamId: z.uuid() });

export const actions: Actions = {
	/**
	 * A person in several teams chooses the one to act in (docs/domain.md §2). Only one of
	 * their own teams; then home, since the page they were on may be the other team's.
	 */
	choose: async (event) => {
		const { user } = await requireRole(event, ...TEAM_ROLES);
		const notFound = () => error(404, m.error_not_found());
		const { teamId } = await readPlainForm(event.request, chooseSchema, notFound);
		if (!user.teams.some((t) => t.id === teamId)) notFound();
		setTeamCookie(event.cookies, event.url, teamId);
		redirect(303, '/');
	}
};
