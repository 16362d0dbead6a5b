import { redirect } from '@sveltejs/kit';
import { helsinkiDate } from '$lib/domain/access';
import * as s from '$lib/schemas/children';
import { requireChildAccess } from '$lib/server/http/authz';
import { defineForm, fail, formFailure, httpFailure, readForm } from '$lib/server/http/forms';
import { FieldError } from '$lib/server/errors';
import { uuidParam } from '$lib/server/http/params';
import { getChild } from '$lib/server/features/children';
import * as grants from '$lib/server/features/grants';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const grantDef = defineForm(s.grantSchema, 'grant');
const placementDef = defineForm(s.placementSchema, 'placement');
const requestDef = defineForm(s.requestSchema, 'request');

const team = (e: RequestEvent, action = 'write') =>
	requireChildAccess(e, uuidParam(e.params.childId), { teamOnly: true, action });
const back = (id: string) => redirect(303, `/children/${id}/access?saved=1`);

export const load: PageServerLoad = async (event) => {
	const ctx = await requireChildAccess(event, uuidParam(event.params.childId), { teamOnly: true });
	const { db } = ctx;
	const view = await getChild(db, ctx);
	const orgs = await grants.partnerOrganisations(db);
	const today = helsinkiDate();
	const grantForm = await grantDef.show();
	grantForm.data.validFrom = today;
	return {
		view,
		grants: await grants.grantsOfChild(db, ctx),
		today,
		requests: await grants.requestsForChild(db, ctx),
		answers: await grants.informationAnswers(db, ctx).catch(httpFailure),
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
		const form = await grantDef.read(event.request);
		if (!form.valid) return fail(400, { grantForm: form });
		try {
			await grants.createGrant(ctx.db, ctx, form.data);
		} catch (e) {
			return formFailure(form, e, { key: 'grantForm' });
		}
		back(ctx.childId);
	},
	revoke: async (event) => {
		const ctx = await team(event, 'revoke');
		const parsed = s.idSchema.safeParse(Object.fromEntries(await readForm(event.request)));
		if (!parsed.success) return fail(400, {});
		await grants.revokeGrant(ctx.db, ctx, parsed.data.id).catch(httpFailure);
		back(ctx.childId);
	},
	addPlacement: async (event) => {
		const ctx = await team(event, 'create');
		const form = await placementDef.read(event.request);
		if (!form.valid) return fail(400, { placementForm: form });
		try {
			await grants.createPlacement(ctx.db, ctx, form.data);
		} catch (e) {
			return formFailure(form, e, { key: 'placementForm' });
		}
		back(ctx.childId);
	},
	endPlacement: async (event) => {
		const ctx = await team(event, 'update');
		const parsed = s.endPlacementSchema.safeParse(
			Object.fromEntries(await readForm(event.request))
		);
		if (!parsed.success) return fail(400, {});
		try {
			await grants.endPlacement(ctx.db, ctx, parsed.data.id, parsed.data.until);
		} catch (e) {
			if (e instanceof FieldError) return fail(400, { endPlacementError: e.fields.until });
			httpFailure(e);
		}
		back(ctx.childId);
	},
	request: async (event) => {
		const ctx = await team(event, 'create');
		const form = await requestDef.read(event.request);
		if (!form.valid) return fail(400, { requestForm: form });
		try {
			await grants.createAssessmentRequest(ctx.db, ctx, form.data);
		} catch (e) {
			return formFailure(form, e, { key: 'requestForm' });
		}
		back(ctx.childId);
	}
};
