import { redirect } from '@sveltejs/kit';
import { grantValid, helsinkiDate } from '$lib/domain/access';
import { formatDate, formatDateTime } from '$lib/format';
import { basisLabel } from '$lib/labels/basis';
import { m } from '$lib/paraglide/messages';
import * as s from '$lib/schemas/children';
import { childPageAccess } from '$lib/server/http/authz';
import { defineCreateForm, fail, httpFailure, readPlainForm } from '$lib/server/http/forms';
import { FieldError } from '$lib/server/errors';
import { getChild } from '$lib/server/features/children';
import * as grants from '$lib/server/features/grants';
import { words } from '$lib/server/words';
import type { Actions, PageServerLoad } from './$types';

const grantDef = defineCreateForm(s.grantSchema, 'grant', {
	organisationId: 'grant_organisation',
	basis: 'grant_basis',
	consentGivenBy: 'grant_consent_given_by',
	consentGivenOn: 'grant_consent_given_on',
	validFrom: 'grant_valid_from',
	validUntil: 'grant_valid_until',
	requestMessage: 'grant_request_message',
	dueOn: 'grant_due_on'
});
const placementDef = defineCreateForm(s.placementSchema, 'placement', {
	unitOrganisationId: 'placement_unit',
	since: 'placement_since',
	until: 'placement_until'
});
const requestDef = defineCreateForm(s.requestSchema, 'request', {
	organisationId: 'grant_organisation',
	message: 'request_message',
	dueDate: 'request_due_date'
});

const team = childPageAccess({ teamOnly: true });
const saved = (id: string) => `/children/${id}/access?saved=1`;
const back = (id: string) => redirect(303, saved(id));

export const load: PageServerLoad = async (event) => {
	const ctx = await team(event);
	const { db } = ctx;
	const view = await getChild(db, ctx);
	const orgs = await grants.partnerOrganisations(db);
	const today = helsinkiDate();
	const grantForm = await grantDef.show();
	grantForm.data.validFrom = today;
	return {
		view,
		grants: (await grants.grantsOfChild(db, ctx)).map((g) => ({
			...g,
			basisText: basisLabel(g.basis),
			consentText: g.consentGivenBy
				? m.grant_consent_by({ who: g.consentGivenBy, date: formatDate(g.consentGivenOn) })
				: null,
			stateText: g.revokedAt
				? m.grant_revoked()
				: grantValid(g, today)
					? m.grant_in_force()
					: m.grant_not_in_force(),
			revokeQuestion: m.grant_revoke_question({ organisation: g.organisationName })
		})),
		today,
		requests: (await grants.requestsForChild(db, ctx)).map((r) => ({
			...r,
			dueText: m.request_due({ date: formatDate(r.dueDate) })
		})),
		answers: (await grants.informationAnswers(db, ctx).catch(httpFailure)).map((a) => ({
			...a,
			byText: m.info_answered_by({ name: a.answeredBy, date: formatDateTime(a.createdAt) })
		})),
		// A notification gives no access (§3): a grant rests on consent or a 41 § request.
		bases: (['consent', 'statutory_request'] as const).map((b) => ({
			value: b,
			label: basisLabel(b)
		})),
		// The page's fixed texts, in this language only (ADR 028: the JavaScript budget).
		t: words(
			'child_access_title',
			'app_name',
			'child_access_intro',
			'grants_title',
			'no_items',
			'grant_organisation',
			'grant_basis',
			'grant_valid',
			'col_actions',
			'grant_revoke',
			'grant_revoke_consequence',
			'grant_revoke_confirm',
			'access_answers',
			'access_no_answers',
			'requests_title',
			'request_open',
			'request_done',
			'placements_title',
			'placement_end_date',
			'placement_end',
			'grant_valid_until',
			'grant_new',
			'grant_create',
			'choose',
			'grant_consent_hint',
			'grant_request_hint',
			'grant_due_hint',
			'placement_until',
			'placement_new',
			'placement_create',
			'request_new',
			'request_send',
			'request_grant_hint'
		),
		partners: orgs
			.filter((o) => o.kind !== 'residential_unit')
			.map((o) => ({ value: o.id, label: o.name })),
		units: orgs
			.filter((o) => o.kind === 'residential_unit')
			.map((o) => ({ value: o.id, label: o.name })),
		requestTargets: orgs.map((o) => ({ value: o.id, label: o.name })),
		grantForm,
		placementForm: await placementDef.show(),
		requestForm: await requestDef.show()
	};
};

export const actions: Actions = {
	grant: async (event) => {
		const ctx = await team(event, 'create');
		return grantDef.create(event, {
			answerAs: 'grantForm',
			save: (d, tx) => grants.createGrant(tx, ctx, d),
			to: () => saved(ctx.childId)
		});
	},
	revoke: async (event) => {
		const ctx = await team(event, 'revoke');
		const { id } = await readPlainForm(event.request, s.idSchema);
		await grants.revokeGrant(ctx.db, ctx, id).catch(httpFailure);
		back(ctx.childId);
	},
	addPlacement: async (event) => {
		const ctx = await team(event, 'create');
		return placementDef.create(event, {
			answerAs: 'placementForm',
			save: (d, tx) => grants.createPlacement(tx, ctx, d),
			to: () => saved(ctx.childId)
		});
	},
	endPlacement: async (event) => {
		const ctx = await team(event, 'update');
		const { id, until } = await readPlainForm(event.request, s.endPlacementSchema);
		try {
			await grants.endPlacement(ctx.db, ctx, id, until);
		} catch (e) {
			if (e instanceof FieldError) return fail(400, { endPlacementError: e.fields.until });
			httpFailure(e);
		}
		back(ctx.childId);
	},
	request: async (event) => {
		const ctx = await team(event, 'create');
		return requestDef.create(event, {
			answerAs: 'requestForm',
			save: (d, tx) => grants.createAssessmentRequest(tx, ctx, d),
			to: () => saved(ctx.childId)
		});
	}
};
