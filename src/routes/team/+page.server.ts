import { redirect } from '@sveltejs/kit';
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { TEAM_ROLES } from '$lib/domain/roles';
import { m } from '$lib/paraglide/messages';
import { database, requireRecentAuth, requireRole, viewerOf } from '$lib/server/http/authz';
import { httpFailure, readForm } from '$lib/server/http/forms';
import { decideMembership, resetFactor, teamMembers } from '$lib/server/features/admin';
import { meetingMeasures } from '$lib/server/features/meetings';
import type { Actions, PageServerLoad } from './$types';

/** The team's own page: its members, and the memberships its consultant must approve. */
export const load: PageServerLoad = async (event) => {
	const { membership, actor } = await requireRole(event, ...TEAM_ROLES);
	const rows = await teamMembers(await database(), membership.teamId!);
	return {
		teamName: membership.teamName,
		members: rows.filter((r) => !r.pending).map((r) => ({ ...r, self: r.userId === actor.userId })),
		pending: rows.filter((r) => r.pending),
		canApprove: membership.role === 'consultant_social_worker',
		measures: await meetingMeasures(await database(), viewerOf(event)),
		notice: event.url.searchParams.get('decided')
	};
};

const decision = z.object({ membershipId: z.uuid() });

async function decide(event: Parameters<Actions[string]>[0], approve: boolean) {
	const { actor, membership } = await requireRole(event, 'consultant_social_worker');
	requireRecentAuth(event);
	const parsed = decision.safeParse(Object.fromEntries(await readForm(event.request)));
	if (!parsed.success) error(400, m.error_form_invalid());
	await decideMembership(
		await database(),
		{ ...actor, teamId: membership.teamId },
		parsed.data.membershipId,
		approve
	).catch(httpFailure);
	redirect(303, `/team?decided=${approve ? 'approved' : 'refused'}`);
}

const person = z.object({ userId: z.uuid() });

export const actions: Actions = {
	approve: (event) => decide(event, true),
	refuse: (event) => decide(event, false),
	resetFactor: async (event) => {
		const { actor, membership } = await requireRole(event, 'consultant_social_worker');
		requireRecentAuth(event);
		const parsed = person.safeParse(Object.fromEntries(await readForm(event.request)));
		if (!parsed.success) error(400, m.error_form_invalid());
		await resetFactor(
			await database(),
			{ ...actor, teamId: membership.teamId },
			parsed.data.userId
		).catch(httpFailure);
		redirect(303, '/team?decided=reset');
	}
};
