import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { TEAM_ROLES } from '$lib/domain/roles';
import { fromHelsinkiLocal } from '$lib/domain/time';
import { meetingSettingsSchema, prepareSchema } from '$lib/schemas/meetings';
import { database, requireRole, viewerOf } from '$lib/server/http/authz';
import { submitForm } from '$lib/server/http/forms';
import {
	meetingSettings,
	prepareMeeting,
	setMeetingSettings,
	teamMeetings
} from '$lib/server/features/meetings';
import type { Actions, PageServerLoad } from './$types';

/** The team's weekly meetings (§7): the coordinator prepares the next one here. */
export const load: PageServerLoad = async (event) => {
	await requireRole(event, ...TEAM_ROLES);
	const db = await database();
	const viewer = viewerOf(event);
	const settings = await meetingSettings(db, viewer);
	return {
		meetings: await teamMeetings(db, viewer),
		canRun: settings.canRun,
		form: await superValidate(zod4(prepareSchema), { errors: false }),
		rotationForm: await superValidate(
			{
				rotationDays: String(settings.rotationDays),
				meetingMinutes: String(settings.meetingMinutes),
				version: settings.version
			},
			zod4(meetingSettingsSchema),
			{ id: 'rotation', errors: false }
		)
	};
};

export const actions: Actions = {
	prepare: async (event) => {
		await requireRole(event, 'coordinator', 'consultant_social_worker');
		const db = await database();
		return submitForm(event.request, prepareSchema, {
			save: (d) => prepareMeeting(db, viewerOf(event), { startsAt: fromHelsinkiLocal(d.startsAt) }),
			to: (r) => `/team/meetings/${r.id}?saved=meeting_prepared`
		});
	},
	setRotation: async (event) => {
		await requireRole(event, 'coordinator', 'consultant_social_worker');
		const db = await database();
		return submitForm(event.request, meetingSettingsSchema, {
			key: 'rotation',
			save: (d) =>
				setMeetingSettings(db, viewerOf(event), {
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
