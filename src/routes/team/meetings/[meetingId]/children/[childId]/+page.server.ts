import { hypothesisStateLabel, stepOutcomeLabel } from '$lib/labels/meeting';
import { error, redirect } from '@sveltejs/kit';
import { helsinkiDate } from '$lib/domain/access';
import { can } from '$lib/domain/permissions';
import { TEAM_ROLES } from '$lib/domain/roles';
import { formatDate } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { words } from '$lib/server/words';
import {
	discussionSchema,
	hypothesisSchema,
	reflectionSchema,
	settleHypothesisSchema,
	settleStepSchema,
	stepSchema
} from '$lib/schemas/meetings';
import { requireChildAccess, requireRole, staffOf } from '$lib/server/http/authz';
import {
	defineCreateForm,
	defineForm,
	httpFailure,
	plainFailure,
	readPlainForm
} from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { gridText, statusText } from '$lib/server/features/status';
import {
	addHypothesis,
	addStep,
	discussionView,
	saveDiscussion,
	saveReflection,
	settleHypothesis,
	settleStep,
	teamPeople
} from '$lib/server/features/meetings';
import { childOverview, childStatusView, statusColours } from '$lib/server/features/status';
import { familyWords, ownViewColumn } from '$lib/server/features/family';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const discussionForm = defineForm(discussionSchema, 'discussion', {
	familyPresent: 'meeting_family_present',
	familyWho: 'meeting_family_who',
	tellsFamily: 'meeting_tells_family'
});
const reflectionForm = defineForm(reflectionSchema, 'reflection', {
	reflection: 'meeting_reflection'
});
const hypothesisForm = defineCreateForm(hypothesisSchema, 'hypothesis', {
	statement: 'meeting_hypothesis_statement'
});
const stepForm = defineCreateForm(stepSchema, 'step', {
	what: 'meeting_step_what',
	ownerId: 'meeting_step_owner',
	dueOn: 'meeting_step_due',
	hypothesisId: 'meeting_step_hypothesis'
});

const RUNS = ['coordinator', 'consultant_social_worker'] as const;
/** A settle form sent without a choice: said in words, on a page of its own. */
const settleChoiceMissing = () => error(400, m.meeting_error_settle_choice());

/** A settle form's fixed parts (SettleForm): its action, the posted names and its words. */
const settleForm = (
	action: 'settleStep' | 'settleHypothesis',
	idName: string,
	field: string,
	words: {
		choices: [string, string][];
		noteLabel: string;
		noteRequired: boolean;
		submitLabel: string;
	}
) => ({
	action: `?/${action}`,
	idName,
	field,
	...words,
	choices: words.choices.map(([value, label]) => ({ value, label }))
});

/** A note after a line's text, in brackets, when there is one. */
const noted = (note: string | null) => (note ? ` (${note})` : '');

const ids = (event: RequestEvent) => ({
	meetingId: uuidParam(event.params.meetingId),
	childId: uuidParam(event.params.childId)
});
const here = (event: RequestEvent, saved: string) => {
	const { meetingId, childId } = ids(event);
	return `/team/meetings/${meetingId}/children/${childId}?saved=${saved}`;
};

/**
 * One child in the meeting, on one screen (§7): the colour, reasons, signals and grid
 * beside what the team records (family present, hypotheses, reflection, steps, who tells).
 */
export const load: PageServerLoad = async (event) => {
	const { membership } = await requireRole(event, ...TEAM_ROLES);
	const { meetingId, childId } = ids(event);
	const ctx = await requireChildAccess(event, childId, { teamOnly: true });
	const { db } = ctx;
	const viewer = staffOf(event);
	const view = await discussionView(db, viewer, meetingId, childId).catch(httpFailure);
	const status = await childStatusView(db, ctx);
	const overview = await childOverview(db, ctx);
	const d = view.discussion;
	const people = await teamPeople(db, ctx.access.membership.teamId!);
	const nameOf = (id: string | null) => people.find((p) => p.id === id)?.displayName ?? '–';
	/** A step's owner and date, as every list of steps says them. */
	const ownerBy = (s: { ownerId: string | null; dueOn: string }) =>
		`${nameOf(s.ownerId)}, ${m.meeting_step_by({ date: formatDate(s.dueOn) })}`;
	const yes = m.yes();
	const no = m.no();
	const canRecord = can(membership.role, 'runMeeting') && view.meeting.state === 'open';
	return {
		...view,
		// Each list's lines said on the server, so the page ships neither the label tables nor
		// the rules of which line may be settled here (ADR 028).
		carried: view.carried.map((s) => ({
			id: s.id,
			version: s.version,
			title: s.what,
			text: `${ownerBy(s)}: ${stepOutcomeLabel(s.outcome)}${noted(s.outcomeNote)}`,
			settleLegend:
				canRecord && s.outcome === null ? m.meeting_step_outcome({ what: s.what }) : null
		})),
		hypotheses: view.hypotheses.map((h) => ({
			id: h.id,
			version: h.version,
			title: h.statement,
			text: `${hypothesisStateLabel(h.state)}${noted(h.stateNote)}`,
			// Settled at a later meeting than the one that wrote it (§7).
			settleLegend:
				canRecord && h.state === 'open' && h.meetingId !== view.meeting.id
					? m.meeting_hypothesis_settle({ statement: h.statement })
					: null
		})),
		steps: view.steps.map((s) => ({
			id: s.id,
			version: s.version,
			title: s.what,
			text: ownerBy(s),
			settleLegend: null
		})),
		// Each settle form's fixed parts, made here so the page ships none of them (ADR 028).
		settleStep: settleForm('settleStep', 'stepId', 'outcome', {
			choices: [
				['done', m.step_done()],
				['not_done', m.step_not_done()]
			],
			noteLabel: m.meeting_step_note(),
			noteRequired: false,
			submitLabel: m.meeting_step_settle()
		}),
		settleHypothesis: settleForm('settleHypothesis', 'hypothesisId', 'state', {
			choices: [
				['supported', m.hypothesis_supported()],
				['set_aside', m.hypothesis_set_aside()]
			],
			noteLabel: m.meeting_why(),
			noteRequired: true,
			submitLabel: m.meeting_hypothesis_save()
		}),
		// Before the meeting is opened nothing can have been discussed yet: say that instead.
		notDiscussedText:
			view.meeting.state === 'planned' ? m.meeting_not_started() : m.meeting_not_discussed(),
		yesNo: [
			{ value: 'yes', label: yes },
			{ value: 'no', label: no }
		],
		// The recorded discussion as read by those who do not record it.
		presentText: d && (d.familyPresent ? yes : no) + (d.familyWho ? `: ${d.familyWho}` : ''),
		ownerOptions: people.map((p) => ({ value: p.id, label: p.displayName })),
		hypothesisOptions: view.hypotheses
			.filter((h) => h.state === 'open')
			.map((h) => ({ value: h.id, label: h.statement })),
		// The page's fixed texts, in this language only (ADR 028: the JS budget).
		t: {
			...words(
				'meeting_reflection',
				'meeting_child_title',
				'meeting_back',
				'meeting_child_page',
				'meeting_carried',
				'meeting_carried_none',
				'meeting_discussion',
				'meeting_discussion_save',
				'meeting_hypotheses',
				'meeting_hypotheses_none',
				'meeting_hypothesis_add',
				'meeting_reflection_save',
				'meeting_reflection_none',
				'meeting_steps',
				'no_items',
				'meeting_step_add',
				'choose',
				'meeting_step_no_hypothesis'
			),
			familyRule: m.meeting_family_rule(),
			tellsFamilyHint: m.meeting_tells_family_hint(),
			hypothesisHint: m.meeting_hypothesis_hint(),
			settleFirst: m.meeting_error_settle_first()
		},
		status: statusColours(status),
		statusText: statusText(status),
		// What the family wanted the team to know (§11), marked as theirs.
		familyWords: await familyWords(db, ctx),
		ownView: await ownViewColumn(db, ctx),
		overview,
		grid: gridText(overview),
		canRecord,
		canReflect: can(membership.role, 'writeReflection') && view.meeting.state === 'open',
		discussionForm: await discussionForm.show(
			{
				// Not yet recorded: the field's own empty default, "not chosen".
				...(d && { familyPresent: d.familyPresent ? ('yes' as const) : ('no' as const) }),
				familyWho: d?.familyWho ?? '',
				tellsFamily: d?.tellsFamily ?? '',
				version: d?.version ?? 0
			},
			{ errors: false }
		),
		reflectionForm: await reflectionForm.show(
			{ reflection: d?.reflection ?? '', version: d?.version ?? 0 },
			{ errors: false }
		),
		hypothesisForm: await hypothesisForm.show(undefined, { errors: false }),
		stepForm: await stepForm.show({ dueOn: helsinkiDate() }, { errors: false })
	};
};

export const actions: Actions = {
	saveDiscussion: async (event) => {
		const staff = await requireRole(event, ...RUNS);
		const { meetingId, childId } = ids(event);
		const { db } = staff;
		return discussionForm.change(
			event,
			(d) =>
				saveDiscussion(db, staff, meetingId, childId, {
					version: d.version || null,
					familyPresent: d.familyPresent === 'yes',
					familyWho: d.familyWho,
					tellsFamily: d.tellsFamily
				}),
			here(event, 'discussion')
		);
	},
	saveReflection: async (event) => {
		const staff = await requireRole(event, 'family_therapist');
		const { meetingId, childId } = ids(event);
		const { db } = staff;
		return reflectionForm.change(
			event,
			(d) =>
				saveReflection(db, staff, meetingId, childId, {
					version: d.version || null,
					reflection: d.reflection
				}),
			here(event, 'reflection')
		);
	},
	addHypothesis: async (event) => {
		const staff = await requireRole(event, ...RUNS);
		const { meetingId, childId } = ids(event);
		return hypothesisForm.create(event, {
			save: (d, tx) => addHypothesis(tx, staff, meetingId, childId, d),
			to: () => here(event, 'hypothesis')
		});
	},
	settleHypothesis: async (event) => {
		const staff = await requireRole(event, ...RUNS);
		const { meetingId, childId } = ids(event);
		const data = await readPlainForm(event.request, settleHypothesisSchema, settleChoiceMissing);
		await settleHypothesis(staff.db, staff, meetingId, childId, data).catch(plainFailure);
		redirect(303, here(event, 'hypothesis_settled'));
	},
	addStep: async (event) => {
		const staff = await requireRole(event, ...RUNS);
		const { meetingId, childId } = ids(event);
		return stepForm.create(event, {
			save: (d, tx) =>
				addStep(tx, staff, meetingId, childId, {
					...d,
					hypothesisId: d.hypothesisId || null
				}),
			to: () => here(event, 'step_added')
		});
	},
	settleStep: async (event) => {
		const staff = await requireRole(event, ...RUNS);
		const { meetingId, childId } = ids(event);
		const data = await readPlainForm(event.request, settleStepSchema, settleChoiceMissing);
		await settleStep(staff.db, staff, meetingId, childId, data).catch(plainFailure);
		redirect(303, here(event, 'step_settled'));
	}
};
