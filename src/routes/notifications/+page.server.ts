import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { requireUser, staffOf } from '$lib/server/http/authz';
import { httpFailure, readPlainForm } from '$lib/server/http/forms';
import { safeNext } from '$lib/server/http/redirect';
import {
	listNotifications,
	markAllRead,
	openNotification
} from '$lib/server/features/notifications';
import type { Actions, PageServerLoad } from './$types';

/** One's own inbox. Everyone signed in has one; it names no child, only links. */
export const load: PageServerLoad = async (event) => {
	const staff = staffOf(event);
	requireUser(event);
	return { notifications: await listNotifications(staff.db, staff) };
};

const openSchema = z.object({ id: z.uuid() });

export const actions: Actions = {
	open: async (event) => {
		const staff = staffOf(event);
		requireUser(event);
		const { id } = await readPlainForm(event.request, openSchema, () =>
			error(404, m.error_not_found())
		);
		const link = await openNotification(staff.db, staff, id).catch(httpFailure);
		// The link was written by the app, but check it stays inside the app all the same.
		redirect(303, safeNext(link));
	},
	readAll: async (event) => {
		const staff = staffOf(event);
		requireUser(event);
		await markAllRead(staff.db, staff);
		redirect(303, '/notifications');
	}
};
