import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { TEAM_ROLES } from '$lib/domain/roles';
import { requireRecentAuth, requireRole } from '$lib/server/http/authz';
import { httpFailure, readPlainForm } from '$lib/server/http/forms';
import { decideMembership, resetFactor, teamMembers } from '$lib/server/features/admin';
import { meetingMeasures } from '$lib/server/features/meetings';
import type { Actions, PageServerLoad } from './$types';

/** The team's own page: its members, and the memberships its consultant must approve. */
export const load: PageServerLoad = async (event) => {
	const ctx = await requireRole(event, ...TEAM_ROLES);
	const { membership } = ctx;
	const rows = await teamMembers(ctx.db, membership.teamId!);
	return {
		teamName: membership.teamName,
		members: rows.filter((r) => !r.pending).map((r) => ({ ...r, self: r.userId === ctx.userId })),
		pending: rows.filter((r) => r.pending),
		canApprove: membership.role === 'consultant_social_worker',
		measures: await meetingMeasures(ctx.db, ctx),
		notice: event.url.searchParams.get('decided')
	};
};

const decision = z.object({ membershipId: z.uuid() });

async function decide(event: Parameters<Actions[string]>[0], approve: boolean) {
	const ctx = await requireRole(event, 'consultant_social_worker');
	requireRecentAuth(event);
	const { membershipId } = await readPlainForm(event.request, decision);
	await decideMembership(ctx.db, ctx, membershipId, approve).catch(httpFailure);
	redirect(303, `/team?decided=${approve ? 'approved' : 'refused'}`);
}

const person = z.object({ userId: z.uuid() });

export const actions: Actions = {
	approve: (event) => decide(event, true),
	refuse: (event) => decide(event, false),
	resetFactor: async (event) => {
		const ctx = await requireRole(event, 'consultant_social_worker');
		requireRecentAuth(event);
		const { userId } = await readPlainForm(event.request, person);
		await resetFactor(ctx.db, ctx, userId).catch(httpFailure);
		redirect(303, '/team?decided=reset');
	}
};
