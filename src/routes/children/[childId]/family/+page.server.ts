import { fail, redirect } from '@sveltejs/kit';
import { searchSchema } from '$lib/schemas/children';
import { siblingSchema } from '$lib/schemas/path';
import { childPageAccess, requireChildAccess, staffOf } from '$lib/server/http/authz';
import { defineForm, httpFailure, plainFailure, readPlainForm } from '$lib/server/http/forms';
import { getChild, searchChildren } from '$lib/server/features/children';
import { linkSiblings, siblingsOf, unlinkFromFamily } from '$lib/server/features/path';
import type { Actions, PageServerLoad } from './$types';

const searchForm = defineForm(searchSchema, 'search', { query: 'family_search_label' });

const access = childPageAccess({ entityType: 'family', teamOnly: true });

/** Siblings linked as one family (§11), so the team sees and discusses them together. */
export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	const { db } = ctx;
	const view = await getChild(db, ctx);
	return {
		childId: ctx.childId,
		name: `${view.child.givenName} ${view.child.familyName}`,
		siblings: await siblingsOf(db, ctx),
		form: await searchForm.show()
	};
};

export const actions: Actions = {
	// A POST, not a query string: a name must never end up in a URL.
	search: async (event) => {
		const staff = staffOf(event);
		const ctx = await access(event);
		const form = await searchForm.read(event.request);
		if (!form.valid) return fail(400, { form });
		const found = await searchChildren(staff.db, staff, form.data.query);
		return { form, results: found.filter((r) => r.id !== ctx.childId) };
	},
	link: async (event) => {
		const ctx = await access(event, 'link');
		const { siblingId } = await readPlainForm(event.request, siblingSchema);
		const other = await requireChildAccess(event, siblingId, {
			teamOnly: true,
			action: 'link',
			entityType: 'family'
		});
		// A plain form with one button: the problem is said on an error page of its own.
		await linkSiblings(ctx.db, ctx, other).catch(plainFailure);
		redirect(303, `/children/${ctx.childId}/family?saved=linked`);
	},
	unlink: async (event) => {
		const ctx = await access(event, 'unlink');
		await unlinkFromFamily(ctx.db, ctx).catch(httpFailure);
		redirect(303, `/children/${ctx.childId}/family?saved=unlinked`);
	}
};
