import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { membershipSchema, userEditSchema } from '$lib/schemas/admin';
import { requireAdmin, requireRecentAuth } from '$lib/server/http/authz';
import { FieldError } from '$lib/server/errors';
import {
	defineForm,
	fail,
	formFailure,
	httpFailure,
	message,
	readPlainForm
} from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import * as admin from '$lib/server/features/admin';
import { ROLES } from '$lib/domain/roles';
import { roleLabel } from '$lib/labels/role';
import { words } from '$lib/server/words';
import { userLabels } from '../../form-labels';
import type { Actions, PageServerLoad } from './$types';

const detailsForm = defineForm(userEditSchema, 'details', userLabels);
const membershipDef = defineForm(membershipSchema, 'membership', {
	organisationId: 'membership_organisation',
	teamId: 'membership_team',
	role: 'membership_role'
});

export const load: PageServerLoad = async (event) => {
	const ctx = await requireAdmin(event);
	const { db } = ctx;
	const u = await admin.getUser(db, ctx, uuidParam(event.params.userId)).catch(httpFailure);
	const [orgs, teams] = await Promise.all([
		admin.listOrganisations(db, ctx),
		admin.listTeams(db, ctx)
	]);
	const membershipForm = await membershipDef.show();
	return {
		profile: u,
		// What the page only shows, in this language only (ADR 028: the JavaScript budget).
		memberships: u.memberships.map((ms) => {
			const role = roleLabel(ms.role);
			const where = `${role}, ${ms.organisationName}`;
			return {
				id: ms.id,
				text: `${where}${ms.teamName ? ` / ${ms.teamName}` : ''}${ms.pending ? ` (${m.membership_pending_label()})` : ''}`,
				context: where,
				removeQuestion: m.membership_remove_question({ role, organisation: ms.organisationName })
			};
		}),
		roles: ROLES.map((r) => ({ value: r, label: roleLabel(r) })),
		t: words(
			'user_edit',
			'save',
			'user_memberships',
			'no_items',
			'membership_remove',
			'membership_remove_consequence',
			'membership_remove_confirm',
			'user_password',
			'user_has_password',
			'user_no_password',
			'password_link_send',
			'factor_reset',
			'factor_reset_done',
			'factor_reset_hint',
			'user_status',
			'user_active',
			'user_inactive',
			'user_deactivate',
			'user_deactivate_question',
			'user_deactivate_hint',
			'user_deactivate_confirm',
			'user_activate',
			'membership_add',
			'choose',
			'membership_team_hint',
			'membership_no_team'
		),
		organisations: orgs.map((o) => ({ value: o.id, label: o.name })),
		teams: teams.map((t) => ({ value: t.id, label: `${t.name} (${t.organisationName})` })),
		form: await detailsForm.show(u),
		membershipForm,
		resetDone: event.url.searchParams.has('reset')
	};
};

const idForm = z.object({ membershipId: z.uuid() });

export const actions: Actions = {
	save: async (event) => {
		const ctx = await requireAdmin(event);
		const form = await detailsForm.read(event.request);
		if (!form.valid) return fail(400, { form });
		try {
			await admin.updateUser(ctx.db, ctx, uuidParam(event.params.userId), form.data);
		} catch (e) {
			return formFailure(form, e, { onConflict: (c) => c });
		}
		redirect(303, `/admin/users/${event.params.userId}?saved=1`);
	},
	addMembership: async (event) => {
		const ctx = await requireAdmin(event);
		requireRecentAuth(event);
		const form = await membershipDef.read(event.request);
		if (!form.valid) return fail(400, { membershipForm: form });
		try {
			await admin.addMembership(ctx.db, ctx, {
				userId: uuidParam(event.params.userId),
				organisationId: form.data.organisationId,
				teamId: form.data.teamId || null,
				role: form.data.role
			});
		} catch (e) {
			return formFailure(form, e, { key: 'membershipForm' });
		}
		redirect(303, `/admin/users/${event.params.userId}?saved=1`);
	},
	removeMembership: async (event) => {
		const ctx = await requireAdmin(event);
		requireRecentAuth(event);
		const { membershipId } = await readPlainForm(event.request, idForm);
		await admin.removeMembership(ctx.db, ctx, membershipId).catch(httpFailure);
		redirect(303, `/admin/users/${event.params.userId}?saved=1`);
	},
	deactivate: async (event) => setActive(event, false),
	activate: async (event) => setActive(event, true),
	resetFactor: async (event) => {
		const ctx = await requireAdmin(event);
		requireRecentAuth(event);
		await admin.resetFactor(ctx.db, ctx, uuidParam(event.params.userId)).catch(httpFailure);
		redirect(303, `/admin/users/${event.params.userId}?reset=1`);
	},
	// The link goes to the person, never to this page (ADR 012).
	passwordLink: async (event) => {
		const ctx = await requireAdmin(event);
		const sent = await admin
			.sendPasswordLink(ctx.db, ctx, uuidParam(event.params.userId))
			.catch(httpFailure);
		return { passwordLinkSent: sent };
	}
};

async function setActive(event: Parameters<Actions[string]>[0], active: boolean) {
	const ctx = await requireAdmin(event);
	const form = await detailsForm.show();
	try {
		await admin.setUserActive(ctx.db, ctx, uuidParam(event.params.userId), active);
	} catch (e) {
		if (e instanceof FieldError) {
			return message(form, m.error_cannot_deactivate_self(), { status: 400 });
		}
		httpFailure(e);
	}
	redirect(303, `/admin/users/${event.params.userId}?saved=1`);
}
