import { error } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { helsinkiDate } from '$lib/domain/access';
import { nextPhases } from '$lib/domain/path';
import { m } from '$lib/paraglide/messages';
import {
	careOrderApplicationSchema,
	extensionSchema,
	phaseSchema,
	placementChangeSchema
} from '$lib/schemas/path';
import { database, requireChildAccess } from '$lib/server/http/authz';
import { submitForm } from '$lib/server/http/forms';
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
import { withClockText } from '$lib/server/http/path-text';

const access = (event: RequestEvent, action?: string) =>
	requireChildAccess(event, uuidParam(event.params.childId), {
		teamOnly: true,
		action,
		entityType: 'phase_change'
	});

/** Moving the child along its path (§10); the client plan has its own page. */
export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	const db = await database();
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
		form: await superValidate({ fromPhase: path.phase, on: today }, zod4(phaseSchema), {
			errors: false
		}),
		// Substitute care (38 §, 40 §): shown while the child is placed.
		emergency: emergency && withClockText(emergency),
		extensionForm: await superValidate(
			emergency ? { clockId: emergency.id, version: emergency.version, decidedOn: today } : {},
			zod4(extensionSchema),
			{ id: 'extension', errors: false }
		),
		applicationForm: await superValidate(
			emergency ? { clockId: emergency.id, version: emergency.version, on: today } : {},
			zod4(careOrderApplicationSchema),
			{ id: 'application', errors: false }
		),
		placementForm: await superValidate({ on: today }, zod4(placementChangeSchema), {
			id: 'placement',
			errors: false
		})
	};
};

export const actions: Actions = {
	change: async (event) => {
		const ctx = await access(event, 'create');
		const db = await database();
		return submitForm(event.request, phaseSchema, {
			save: (data) => changePhase(db, ctx, data),
			to: (r) =>
				`/children/${ctx.childId}?saved=phase${r.notice ? `&caseload=${r.notice.workerCount}` : ''}`,
			onConflict: (c) => ({ fromPhase: c.fromPhase })
		});
	},
	extendEmergency: async (event) => {
		const ctx = await access(event, 'update');
		const db = await database();
		return submitForm(event.request, extensionSchema, {
			key: 'extension',
			save: (data) => extendEmergencyPlacement(db, ctx, data),
			to: () => `/children/${ctx.childId}/phase?saved=phase`,
			onConflict: (c) => ({ version: c.version })
		});
	},
	recordApplication: async (event) => {
		const ctx = await access(event, 'update');
		const db = await database();
		return submitForm(event.request, careOrderApplicationSchema, {
			key: 'application',
			save: (data) => recordCareOrderApplication(db, ctx, data),
			to: () => `/children/${ctx.childId}/phase?saved=phase`,
			onConflict: (c) => ({ version: c.version })
		});
	},
	changePlacement: async (event) => {
		const ctx = await access(event, 'create');
		const db = await database();
		return submitForm(event.request, placementChangeSchema, {
			key: 'placement',
			save: (data) => changePlacement(db, ctx, data),
			to: () => `/children/${ctx.childId}?saved=phase`
		});
	}
};
