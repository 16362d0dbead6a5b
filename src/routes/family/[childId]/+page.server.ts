import {
	feedbackSchema,
	familyNoteSchema,
	meetingReplySchema,
	privacySchema
} from '$lib/schemas/family';
import { formatDate, formatDateTime } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import {
	answerFeedback,
	ownChildPage,
	replyToMeeting,
	setPrivacy,
	tellTeam
} from '$lib/server/features/family';
import { summaryText } from '$lib/server/features/path';
import { familyBar, requireFamilyChild } from '$lib/server/http/family';
import { defineCreateForm, defineForm, httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { words } from '$lib/server/words';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const noteForm = defineCreateForm(familyNoteSchema, 'note', { text: 'family_tell_label' });
const feedbackForm = defineCreateForm(feedbackSchema, 'feedback', {
	heard: 'feedback_heard',
	clear: 'feedback_clear'
});
const privacyForm = defineForm(privacySchema, 'privacy');
const replyForm = defineCreateForm(meetingReplySchema, 'reply', { text: 'agreement_reply_label' });

const access = (event: RequestEvent, entityType: string) =>
	requireFamilyChild(event, uuidParam(event.params.childId), { entityType });

/**
 * One child as the family sees it (DOMAIN §11): the summary, the client plan, and what
 * they want the team to know (their own earlier words, and a form for more).
 */
export const load: PageServerLoad = async (event) => {
	const ctx = await access(event, 'family_summary');
	const { notes, ...page } = await ownChildPage(ctx.db, ctx).catch(httpFailure);
	return {
		bar: familyBar(ctx),
		childId: ctx.childId,
		...page,
		summary: summaryText(page.summary, getLocale(), ctx.now),
		plan: page.plan && {
			...page.plan,
			made: m.family_plan_made({
				number: page.plan.number,
				date: formatDate(page.plan.madeOn),
				review: formatDate(page.plan.nextReviewOn)
			})
		},
		t: words(
			'family_pages_title',
			'app_name',
			'family_back_home',
			'family_plan_title',
			'family_plan_situation',
			'family_plan_goals',
			'family_plan_services',
			'family_plan_participation',
			'family_plan_own_view_child',
			'family_plan_own_view_guardian',
			'family_plan_none',
			'family_meetings_title',
			'family_meetings_intro',
			'family_meetings_none',
			'own_view_link',
			'family_tell_title',
			'family_tell_intro',
			'family_tell_send',
			'family_tell_earlier',
			'family_read_log_link',
			'agreement_intro',
			'agreement_questions',
			'agreement_steps',
			'agreement_send',
			'feedback_scale_1',
			'feedback_scale_5',
			'feedback_title',
			'feedback_intro',
			'feedback_send',
			'privacy_title',
			'privacy_intro',
			'privacy_asked',
			'privacy_cancel',
			'privacy_ask'
		),
		notes: notes.map((n) => ({
			id: n.id,
			text: n.text,
			sent: m.family_tell_sent_on({ when: formatDateTime(n.at) })
		})),
		noteForm: await noteForm.show(),
		replyForm: page.agreement
			? await replyForm.show({ meetingId: page.agreement.meetingId }, { errors: false })
			: null,
		privacyForm: page.privacy
			? await privacyForm.show({ private: page.privacy.asked ? 'no' : 'yes' }, { errors: false })
			: null,
		feedbackForm: page.feedback
			? await feedbackForm.show(
					{ kind: page.feedback.kind, subjectId: page.feedback.id },
					{ errors: false }
				)
			: null
	};
};

export const actions: Actions = {
	tellTeam: async (event) => {
		const ctx = await access(event, 'family_note');
		return noteForm.create(event, {
			save: (d, tx) => tellTeam(tx, ctx, d.text),
			to: () => `/family/${ctx.childId}?saved=family_note`
		});
	},
	replyToMeeting: async (event) => {
		const ctx = await access(event, 'family_note');
		return replyForm.create(event, {
			save: (d, tx) => replyToMeeting(tx, ctx, d),
			to: () => `/family/${ctx.childId}?saved=meeting_reply`
		});
	},
	setPrivacy: async (event) => {
		const ctx = await access(event, 'own_words_privacy');
		return privacyForm.submit(event.request, {
			save: (d) => setPrivacy(ctx.db, ctx, d.private === 'yes'),
			to: () => `/family/${ctx.childId}?saved=privacy`
		});
	},
	answerFeedback: async (event) => {
		const ctx = await access(event, 'family_feedback');
		return feedbackForm.create(event, {
			save: (d, tx) =>
				answerFeedback(tx, ctx, {
					kind: d.kind,
					id: d.subjectId,
					heard: Number(d.heard),
					clear: Number(d.clear)
				}),
			to: () => `/family/${ctx.childId}?saved=family_feedback`
		});
	}
};
