import { redirect } from '@sveltejs/kit';
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { TEAM_ROLES } from '$lib/domain/roles';
import { m } from '$lib/paraglide/messages';
import { requireRecentAuth, requireRole } from '$lib/server/http/authz';
import { httpFailure, readForm } from '$lib/server/http/forms';
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
	const parsed = decision.safeParse(Object.fromEntries(await readForm(event.request)));
	if (!parsed.success) error(400, m.error_form_invalid());
	await decideMembership(ctx.db, ctx, parsed.data.membershipId, approve).catch(httpFailure);
	redirect(303, `/team?decided=${approve ? 'approved' : 'refused'}`);
}

const person = z.object({ userId: z.uuid() });

export const actions: Actions = {
	approve: (event) => decide(event, true),
	refuse: (event) => decide(event, false),
	resetFactor: async (event) => {
		const ctx = await requireRole(event, 'consultant_social_worker');
		requireRecentAuth(event);
		const parsed = person.safeParse(Object.fromEntries(await readForm(event.request)));
		if (!parsed.success) error(400, m.error_form_invalid());
		await resetFactor(ctx.db, ctx, parsed.data.userId).catch(httpFailure);
		redirect(303, '/team?decided=reset');
	}
};
