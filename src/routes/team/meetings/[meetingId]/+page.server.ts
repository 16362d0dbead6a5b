import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/permissions';
import { TEAM_ROLES } from '$lib/domain/roles';
import { formatDateTime } from '$lib/format';
import { meetingStateLabel } from '$lib/labels/meeting';
import { m } from '$lib/paraglide/messages';
import {
	addChildSchema,
	addendumSchema,
	closeSchema,
	familyExpectedSchema,
	openSchema,
	removeItemSchema,
	reorderSchema
} from '$lib/schemas/meetings';
import { requireRole, staffOf } from '$lib/server/http/authz';
import {
	defineCreateForm,
	defineForm,
	httpFailure,
	plainFailure,
	readPlainForm
} from '$lib/server/http/forms';
import { agendaSections, agendaText } from '$lib/server/features/meetings';
import { uuidParam } from '$lib/server/http/params';
import {
	addAddendum,
	addToAgenda,
	advanceMeeting,
	agendaCandidates,
	meetingAddenda,
	meetingSettings,
	meetingView,
	removeFromAgenda,
	reorderAgenda,
	setFamilyExpected
} from '$lib/server/features/meetings';
import { words } from '$lib/server/words';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const openForm = defineForm(openSchema, 'open', {
	facilitatorId: 'meeting_facilitator',
	noteTakerId: 'meeting_note_taker',
	presentUserIds: 'meeting_present'
});
const closeForm = defineForm(closeSchema, 'close');
const addChildForm = defineCreateForm(addChildSchema, 'add', {
	childId: 'meeting_add_child',
	note: 'meeting_add_note'
});
const addendumForm = defineCreateForm(addendumSchema, 'addendum', {
	text: 'meeting_addendum_text',
	childId: 'meeting_addendum_child'
});

const RUNS = ['coordinator', 'consultant_social_worker'] as const;
const meetingId = (event: RequestEvent) => uuidParam(event.params.meetingId);
const back = (event: RequestEvent, saved: string) =>
	`/team/meetings/${meetingId(event)}?saved=${saved}`;

/** One meeting: its agenda in §7's order with each child's reasons; prepared, held, closed. */
export const load: PageServerLoad = async (event) => {
	const { membership } = await requireRole(event, ...TEAM_ROLES);
	const viewer = staffOf(event);
	const { db } = viewer;
	const view = await meetingView(db, viewer, meetingId(event)).catch(httpFailure);
	const canRun = can(membership.role, 'runMeeting');
	const editable = view.meeting.state !== 'closed';
	const mt = view.meeting;
	const items = agendaText(view.items);
	const { meetingMinutes } = await meetingSettings(db, viewer);
	return {
		meeting: mt,
		titleAt: m.meeting_title_at({ date: formatDateTime(new Date(mt.startsAt)) }),
		stateText: meetingStateLabel(mt.state),
		t: words(
			'meeting_facilitator',
			'meeting_note_taker',
			'meeting_present',
			'meeting_title',
			'meetings_back',
			'meeting_state',
			'meeting_family_rule',
			'meeting_discussed',
			'meeting_family_expected',
			'meeting_position',
			'meeting_family_unexpect',
			'meeting_family_expect',
			'meeting_remove',
			'meeting_remove_reason',
			'meeting_remove_confirm',
			'meeting_agenda',
			'meeting_reorder_hint',
			'meeting_reorder',
			'meeting_agenda_empty',
			'meeting_removed',
			'meeting_add',
			'choose',
			'meeting_open_title',
			'meeting_open',
			'meeting_close_title',
			'meeting_close_hint',
			'meeting_close',
			'meeting_addenda',
			'no_items',
			'meeting_addendum_add',
			'meeting_addendum_whole',
			'meeting_print'
		),
		agenda: agendaSections(
			items.filter((i) => !i.removedReason),
			meetingMinutes
		),
		removed: items.filter((i) => i.removedReason),
		people: view.people,
		canRun,
		candidates: canRun && editable ? await agendaCandidates(db, viewer, mt.id) : [],
		addenda: (mt.state === 'closed' ? await meetingAddenda(db, viewer, mt.id) : []).map((a) => ({
			...a,
			when: formatDateTime(new Date(a.createdAt))
		})),
		openForm: await openForm.show(
			{
				version: mt.version,
				facilitatorId: mt.facilitatorId ?? '',
				noteTakerId: mt.noteTakerId ?? '',
				presentUserIds: mt.presentUserIds
			},
			{ errors: false }
		),
		closeForm: await closeForm.show({ version: mt.version }, { errors: false }),
		addForm: await addChildForm.show(undefined, { errors: false }),
		addendumForm: await addendumForm.show(undefined, { errors: false })
	};
};

export const actions: Actions = {
	open: async (event) => {
		const staff = await requireRole(event, ...RUNS);
		const { db } = staff;
		return openForm.change(
			event,
			(d) =>
				advanceMeeting(db, staff, meetingId(event), {
					version: d.version,
					facilitatorId: d.facilitatorId || null,
					noteTakerId: d.noteTakerId || null,
					presentUserIds: d.presentUserIds
				}),
			back(event, 'meeting_opened')
		);
	},
	close: async (event) => {
		const staff = await requireRole(event, ...RUNS);
		const { db } = staff;
		return closeForm.change(
			event,
			(d) => advanceMeeting(db, staff, meetingId(event), { version: d.version }),
			back(event, 'meeting_closed')
		);
	},
	addChild: async (event) => {
		const staff = await requireRole(event, ...RUNS);
		return addChildForm.create(event, {
			save: (d, tx) => addToAgenda(tx, staff, meetingId(event), d),
			to: () => back(event, 'agenda_added')
		});
	},
	removeChild: async (event) => {
		const staff = await requireRole(event, ...RUNS);
		const data = await readPlainForm(event.request, removeItemSchema, () =>
			error(400, m.meeting_error_remove_reason())
		);
		await removeFromAgenda(staff.db, staff, meetingId(event), data).catch(plainFailure);
		redirect(303, back(event, 'agenda_removed'));
	},
	expectFamily: async (event) => {
		const staff = await requireRole(event, ...RUNS);
		const { itemId, version, expected } = await readPlainForm(
			event.request,
			familyExpectedSchema,
			() => error(400, m.meeting_error_family())
		);
		await setFamilyExpected(staff.db, staff, meetingId(event), {
			itemId,
			version,
			expected: expected === 'yes'
		}).catch(plainFailure);
		redirect(303, back(event, 'agenda_family'));
	},
	reorder: async (event) => {
		const staff = await requireRole(event, ...RUNS);
		const data = await readPlainForm(event.request, reorderSchema, () =>
			error(400, m.meeting_error_reorder())
		);
		await reorderAgenda(staff.db, staff, meetingId(event), data).catch(plainFailure);
		redirect(303, back(event, 'agenda_moved'));
	},
	addAddendum: async (event) => {
		const staff = await requireRole(event, ...RUNS);
		return addendumForm.create(event, {
			save: (d, tx) =>
				addAddendum(tx, staff, meetingId(event), {
					text: d.text,
					childId: d.childId || null
				}),
			to: () => back(event, 'addendum')
		});
	}
};
