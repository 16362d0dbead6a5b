import { error } from '@sveltejs/kit';
import { helsinkiDate } from '$lib/domain/access';
import { nextPhases } from '$lib/domain/path';
import { m } from '$lib/paraglide/messages';
import {
	careOrderApplicationSchema,
	extensionSchema,
	phaseSchema,
	placementChangeSchema
} from '$lib/schemas/path';
import { requireChildAccess } from '$lib/server/http/authz';
import { defineForm } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { partnerOrganisations } from '$lib/server/features/grants';
import {
	changePhase,
	changePlacement,
	childPath,
	extendEmergencyPlacement,
	recordCareOrderApplication
} from '$lib/server/features/path';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { withClockText } from '$lib/server/features/path';

const phaseForm = defineForm(phaseSchema);
const extensionForm = defineForm(extensionSchema, 'extension');
const careOrderApplicationForm = defineForm(careOrderApplicationSchema, 'application');
const placementChangeForm = defineForm(placementChangeSchema, 'placement');

const access = (event: RequestEvent, action?: string) =>
	requireChildAccess(event, uuidParam(event.params.childId), {
		teamOnly: true,
		action,
		entityType: 'phase_change'
	});

/** Moving the child along its path (§10); the client plan has its own page. */
export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	const { db } = ctx;
	const path = await childPath(db, ctx);
	if (path?.kind !== 'team') error(404, m.error_not_found());
	const units = (await partnerOrganisations(db)).filter((o) => o.kind === 'residential_unit');
	const plan = path.clocks.find((c) => c.kind === 'client_plan_review' && !c.metOn) ?? null;
	const today = helsinkiDate(new Date());
	const emergency = path.clocks.find((c) => c.kind === 'emergency_placement' && !c.metOn) ?? null;
	return {
		childId: ctx.childId,
		phase: path.phase,
		phaseSince: path.phaseSince,
		next: nextPhases(path.phase).filter(
			(p) => !(path.phase === 'contact' && p === 'needs_assessment')
		),
		units: units.map((u) => ({ value: u.id, label: u.name })),
		plan: plan && withClockText(plan),
		form: await phaseForm.show({ fromPhase: path.phase, on: today }, { errors: false }),
		// Substitute care (38 §, 40 §): shown while the child is placed.
		emergency: emergency && withClockText(emergency),
		extensionForm: await extensionForm.show(
			emergency ? { clockId: emergency.id, version: emergency.version, decidedOn: today } : {},
			{ errors: false }
		),
		applicationForm: await careOrderApplicationForm.show(
			emergency ? { clockId: emergency.id, version: emergency.version, on: today } : {},
			{ errors: false }
		),
		placementForm: await placementChangeForm.show({ on: today }, { errors: false })
	};
};

export const actions: Actions = {
	change: async (event) => {
		const ctx = await access(event, 'create');
		const { db } = ctx;
		return phaseForm.submit(event.request, {
			save: (data) => changePhase(db, ctx, data),
			to: (r) =>
				`/children/${ctx.childId}?saved=phase${r.notice ? `&caseload=${r.notice.workerCount}` : ''}`,
			onConflict: (c) => ({ fromPhase: c.fromPhase })
		});
	},
	extendEmergency: async (event) => {
		const ctx = await access(event, 'update');
		const { db } = ctx;
		return extensionForm.submit(event.request, {
			save: (data) => extendEmergencyPlacement(db, ctx, data),
			to: () => `/children/${ctx.childId}/phase?saved=phase`,
			onConflict: (c) => ({ version: c.version })
		});
	},
	recordApplication: async (event) => {
		const ctx = await access(event, 'update');
		const { db } = ctx;
		return careOrderApplicationForm.submit(event.request, {
			save: (data) => recordCareOrderApplication(db, ctx, data),
			to: () => `/children/${ctx.childId}/phase?saved=phase`,
			onConflict: (c) => ({ version: c.version })
		});
	},
	changePlacement: async (event) => {
		const ctx = await access(event, 'create');
		const { db } = ctx;
		return placementChangeForm.submit(event.request, {
			save: (data) => changePlacement(db, ctx, data),
			to: () => `/children/${ctx.childId}?saved=phase`
		});
	}
};
