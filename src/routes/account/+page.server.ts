import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { changePasswordSchema } from '$lib/schemas/auth';
import { describeUserAgent } from '$lib/user-agent';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/http/cookie';
import { factorState, newRecoveryCodes, removeFactor } from '$lib/server/auth';
import {
	endOtherSessions,
	endOwnSession,
	invalidateUserSessions,
	listUserSessions
} from '$lib/server/auth';
import { database, requireRecentAuth, requireUser } from '$lib/server/http/authz';
import { defineForm, fail, formFailure, message, readPlainForm } from '$lib/server/http/forms';
import { changeOwnPassword, ownSignInState } from '$lib/server/features/account';
import { configuredProviders, providerConfigured } from '$lib/server/http/provider';
import { securityEvent } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

const passwordForm = defineForm(changePasswordSchema, 'form', {
	currentPassword: 'current_password',
	newPassword: 'new_password',
	confirm: 'confirm_password'
});

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = database(event.locals);
	const current = event.locals.session?.id;
	const sessions = await listUserSessions(db, user.id);
	const left = event.url.searchParams.get('recovery_left');
	const own = await ownSignInState(db, user.id);
	return {
		email: user.email,
		// An account made by a first sign-in through the provider has no password to change.
		hasPassword: own.hasPassword,
		provider: providerConfigured()
			? {
					linked: own.providerLinked,
					linkedNow: event.url.searchParams.has('provider_linked'),
					providers: configuredProviders()
				}
			: null,
		form: await passwordForm.show(),
		factor: await factorState(db, user.id),
		recoveryLeft: left !== null && /^\d{1,2}$/.test(left) ? Number(left) : null,
		notice: event.url.searchParams.get('done'),
		sessions: sessions.map((s) => ({
			id: s.id,
			device: describeUserAgent(s.userAgent),
			createdAt: s.createdAt,
			lastSeenAt: s.lastSeenAt ?? s.createdAt,
			current: s.id === current
		}))
	};
};

const sessionForm = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) });

export const actions: Actions = {
	changePassword: async (event) => {
		const user = requireUser(event);
		requireRecentAuth(event);
		const form = await passwordForm.read(event.request);
		const input = {
			currentPassword: form.data.currentPassword,
			newPassword: form.data.newPassword
		};
		form.data = { currentPassword: '', newPassword: '', confirm: '' };
		if (!form.valid) return fail(400, { form });
		try {
			// Every session ends; this device gets a new one.
			const { token, session } = await changeOwnPassword(database(event.locals), user.id, input);
			setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		} catch (e) {
			return formFailure(form, e);
		}
		return message(form, m.password_changed_notice());
	},
	endSession: async (event) => {
		const user = requireUser(event);
		const { sessionId } = await readPlainForm(event.request, sessionForm);
		if (!(await endOwnSession(database(event.locals), user.id, sessionId)))
			error(404, m.error_not_found());
		if (sessionId === event.locals.session?.id) {
			deleteSessionCookie(event.cookies, event.url);
			redirect(303, '/login?logged_out=1');
		}
		redirect(303, '/account?done=session');
	},
	endOthers: async (event) => {
		const user = requireUser(event);
		await endOtherSessions(database(event.locals), user.id, event.locals.session!.id);
		redirect(303, '/account?done=others');
	},
	newRecoveryCodes: async (event) => {
		const user = requireUser(event);
		requireRecentAuth(event);
		const codes = await newRecoveryCodes(database(event.locals), user.id);
		return { recoveryCodes: codes };
	},
	/** A new phone: the old factor goes, every session ends, the next sign-in sets up anew. */
	replaceFactor: async (event) => {
		const user = requireUser(event);
		requireRecentAuth(event);
		const db = database(event.locals);
		await db.transaction(async (tx) => {
			await removeFactor(tx, user.id);
			await invalidateUserSessions(tx, user.id);
		});
		securityEvent('factor_reset', { userId: user.id, requestId: event.locals.requestId });
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/login');
	}
};
