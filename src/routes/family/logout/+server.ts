import { redirect } from '@sveltejs/kit';
import { endFamilySession } from '$lib/server/auth';
import { deleteFamilyCookie, requireFamily } from '$lib/server/http/family';
import type { RequestHandler } from './$types';

/**
 * Signing out of the family's pages: the session ends and the cookie goes. An endpoint,
 * not a page: nothing to show, and one page fewer in every page's route table.
 */
export const POST: RequestHandler = async (event) => {
	const ctx = requireFamily(event);
	await endFamilySession(ctx.db, ctx.sessionId);
	deleteFamilyCookie(event.cookies, event.url);
	redirect(303, '/family/login?logged_out=1');
};
