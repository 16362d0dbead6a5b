import { error } from '@sveltejs/kit';
import { helsinkiDate } from '$lib/domain/access';
import { nextPhases, PLACEMENT_KINDS } from '$lib/domain/path';
import { formatDate } from '$lib/format';
import { phaseLabel, placementKindLabel } from '$lib/labels/path';
import { m } from '$lib/paraglide/messages';
import {
	careOrderApplicationSchema,
	extensionSchema,
	phaseSchema,
	placementChangeSchema
} from '$lib/schemas/path';
import { childPageAccess } from '$lib/server/http/authz';
import { defineForm } from '$lib/server/http/forms';
import { partnerOrganisations } from '$lib/server/features/grants';
import {
	changePhase,
	changePlacement,
	childPath,
	extendEmergencyPlacement,
	recordCareOrderApplication
} from '$lib/server/features/path';
import { words } from '$lib/server/words';
import type { Actions, PageServerLoad } from './$types';
import { withClockText } from '$lib/server/features/path';

const phaseForm = defineForm(phaseSchema, 'form', {
	to: 'phase_to',
	on: 'phase_on',
	reason: 'phase_reason',
	placementKind: 'phase_placement_kind',
	unitOrganisationId: 'phase_unit',
	placementPlace: 'phase_place',
	caseloadReason: 'caseload_reason'
});
const extensionForm = defineForm(extensionSchema, 'extension', {
	decidedOn: 'extension_decided_on',
	until: 'extension_until'
});
const careOrderApplicationForm = defineForm(careOrderApplicationSchema, 'application', {
	on: 'application_on'
});
const placementChangeForm = defineForm(placementChangeSchema, 'placement', {
	kind: 'phase_placement_kind',
	on: 'phase_on',
	unitOrganisationId: 'phase_unit',
	placementPlace: 'phase_place',
	reason: 'phase_reason'
});

const access = childPageAccess({ entityType: 'phase_change', teamOnly: true });

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
	// A contact goes on by its own decision (27 §), not by a phase change.
	const next = nextPhases(path.phase).filter(
		(p) => !(path.phase === 'contact' && p === 'needs_assessment')
	);
	return {
		childId: ctx.childId,
		phase: path.phase,
		phaseSince: path.phaseSince,
		phaseNow: m.phase_now({ phase: phaseLabel(path.phase), date: formatDate(path.phaseSince) }),
		next,
		nextOptions: next.map((p) => ({ value: p, label: phaseLabel(p) })),
		units: units.map((u) => ({ value: u.id, label: u.name })),
		placementKinds: PLACEMENT_KINDS.map((k) => ({ value: k, label: placementKindLabel(k) })),
		plan: plan && withClockText(plan),
		form: await phaseForm.show({ fromPhase: path.phase, on: today }, { errors: false }),
		// Substitute care (38 §, 40 §): shown while the child is placed.
		emergency: emergency && {
			...withClockText(emergency),
			endsText: m.emergency_ends({ date: formatDate(emergency.dueOn) }),
			extendedText: emergency.extendedOn
				? m.emergency_extended({ date: formatDate(emergency.extendedOn) })
				: null
		},
		// The page's fixed texts, in this language only (ADR 028: the JavaScript budget).
		t: words(
			'caseload_reason',
			'phase_title',
			'phase_contact_hint',
			'phase_save',
			'phase_reason_hint',
			'caseload_reason_hint',
			'phase_placement_legend',
			'choose',
			'phase_unit_hint',
			'phase_unit_none',
			'phase_none_next',
			'clock_client_plan_review',
			'plan_link',
			'substitute_care_title',
			'clock_emergency_placement',
			'extension_save',
			'extension_hint',
			'application_save',
			'application_hint',
			'placement_change_title',
			'placement_change_save',
			'placement_change_hint'
		),
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
		return extensionForm.change(
			event,
			(data) => extendEmergencyPlacement(db, ctx, data),
			`/children/${ctx.childId}/phase?saved=phase`
		);
	},
	recordApplication: async (event) => {
		const ctx = await access(event, 'update');
		const { db } = ctx;
		return careOrderApplicationForm.change(
			event,
			(data) => recordCareOrderApplication(db, ctx, data),
			`/children/${ctx.childId}/phase?saved=phase`
		);
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
