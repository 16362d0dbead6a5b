import { z } from 'zod';
import type { Rating } from '$lib/domain/instrument';
import { formatDateTime } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { ownViewSchema } from '$lib/schemas/family';
import {
	giveOwnView,
	myOwnView,
	ownViewChoices,
	ownViewQuestions
} from '$lib/server/features/family';
import { emergencyPhoneFor } from '$lib/server/features/children';
import { familyBar, requireFamilyChild } from '$lib/server/http/family';
import { defineCreateForm, httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const viewForm = defineCreateForm(ownViewSchema, 'view');
type Answers = z.infer<typeof ownViewSchema>;

// Only the young person themself: a guardian gets the same 404 as a stranger, logged.
const access = (event: RequestEvent) =>
	requireFamilyChild(event, uuidParam(event.params.childId), {
		entityType: 'own_view',
		ownData: true
	});

type Answer = Answers[keyof Answers];
// The form's answers and the ratings they stand for, both ways: by table, not by casting.
const RATING_OF: Record<Answer, Rating | null> = { '0': 0, '1': 1, '2': 2, '3': 3, skip: null };
const ANSWER_OF: Record<Rating, Answer> = { 0: '0', 1: '1', 2: '2', 3: '3' };

const toRatings = (a: Answers) =>
	Object.fromEntries(Object.entries(a).map(([d, v]) => [d, RATING_OF[v]]));

/** The young person's own view of the seven domains (DOMAIN §11), their last answers shown. */
export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	const last = await myOwnView(ctx.db, ctx).catch(httpFailure);
	const start: Partial<Answers> | undefined = last
		? Object.fromEntries(
				Object.entries(last.answers).map(([d, v]) => [d, v === null ? 'skip' : ANSWER_OF[v]])
			)
		: undefined;
	return {
		bar: familyBar(ctx),
		childId: ctx.childId,
		questions: ownViewQuestions(),
		choices: ownViewChoices(),
		last: last ? m.own_view_last({ when: formatDateTime(last.at) }) : null,
		// Help now, before anything is sent (§6 "danger now"): 112, and the region's number.
		safety: await emergencyPhoneFor(ctx.db, ctx).then((phone) =>
			phone ? m.own_view_safety_phone({ phone }) : m.own_view_safety()
		),
		viewForm: await viewForm.show(start, { errors: false })
	};
};

export const actions: Actions = {
	giveOwnView: async (event) => {
		const ctx = await access(event);
		return viewForm.create(event, {
			save: (d, tx) => giveOwnView(tx, ctx, toRatings(d)),
			to: () => `/family/${ctx.childId}?saved=own_view`
		});
	}
};
