import { TEAM_ROLES } from '$lib/domain/roles';
import { fromHelsinkiLocal } from '$lib/domain/time';
import { meetingSettingsSchema, prepareSchema } from '$lib/schemas/meetings';
import { requireRole, staffOf } from '$lib/server/http/authz';
import { defineCreateForm, defineForm } from '$lib/server/http/forms';
import {
	meetingSettings,
	prepareMeeting,
	setMeetingSettings,
	teamMeetings
} from '$lib/server/features/meetings';
import type { Actions, PageServerLoad } from './$types';

const prepareForm = defineCreateForm(prepareSchema, 'form', { startsAt: 'meeting_starts_at' });
const meetingSettingsForm = defineForm(meetingSettingsSchema, 'rotation', {
	rotationDays: 'meeting_rotation_days',
	meetingMinutes: 'meeting_minutes'
});

/** The team's weekly meetings (§7): the coordinator prepares the next one here. */
export const load: PageServerLoad = async (event) => {
	await requireRole(event, ...TEAM_ROLES);
	const viewer = staffOf(event);
	const { db } = viewer;
	const settings = await meetingSettings(db, viewer);
	return {
		meetings: await teamMeetings(db, viewer),
		canRun: settings.canRun,
		form: await prepareForm.show(undefined, { errors: false }),
		rotationForm: await meetingSettingsForm.show(
			{
				rotationDays: String(settings.rotationDays),
				meetingMinutes: String(settings.meetingMinutes),
				version: settings.version
			},
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	prepare: async (event) => {
		const staff = await requireRole(event, 'coordinator', 'consultant_social_worker');
		return prepareForm.create(event, {
			save: (d, tx) => prepareMeeting(tx, staff, { startsAt: fromHelsinkiLocal(d.startsAt) }),
			to: (r) => `/team/meetings/${r.id}?saved=meeting_prepared`
		});
	},
	setRotation: async (event) => {
		const staff = await requireRole(event, 'coordinator', 'consultant_social_worker');
		const { db } = staff;
		return meetingSettingsForm.submit(event.request, {
			save: (d) =>
				setMeetingSettings(db, staff, {
					rotationDays: Number(d.rotationDays),
					meetingMinutes: Number(d.meetingMinutes),
					version: d.version
				}),
			to: () => '/team/meetings?saved=rotation',
			onConflict: (c) => ({
				version: c.version,
				rotationDays: String(c.rotationDays),
				meetingMinutes: String(c.meetingMinutes)
			})
		});
	}
};
