import { redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '../../paraglide/messages';
import { allowedAssessmentFields, assessmentFormSchema } from '../../schemas/assessment';
import { ONCE_FIELD } from '../../schemas/once';
import { defineCreateForm, fail, formFailure, readForm, saveOnce, setError } from './forms';
import {
	type AssessmentContent,
	contentFromForm,
	formFromContent,
	saveAssessment
} from '../features/assessments';
import { type ChildContext } from '../access';

/**
 * The assessment form of the current instrument: a new one's, a draft's, a correction's.
 * Each carries a one-time key (ADR 052): a new assessment posted twice is saved once, and a
 * draft's save posted twice is sent where the first went instead of meeting its own version.
 */
export const assessmentForm = defineCreateForm(assessmentFormSchema());

/** A hidden id field of the form (the schema checked it), or null where it is empty. */
const idOrNull = (v: string | number | undefined) => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Save-draft and submit share one path: unknown fields are refused, the schema checks each
 * field, the service checks the rules; on any error everything typed comes back.
 */
export async function assessmentAction(
	event: RequestEvent,
	ctx: ChildContext,
	submit: boolean,
	/** On a draft's own page, the draft in the URL: the form may not name another. */
	draftId: string | null = null
) {
	const formData = await readForm(event.request);
	const form = await assessmentForm.check(formData);
	const allowed = allowedAssessmentFields();
	if ([...formData.keys()].some((k) => !allowed.has(k) && k !== ONCE_FIELD)) {
		setError(form, m.error_unknown_fields());
		return fail(400, { form });
	}
	if (!form.valid) return fail(400, { form });
	const d = form.data;
	if (draftId !== null && d.assessmentId !== draftId) {
		setError(form, m.error_form_invalid());
		return fail(400, { form });
	}
	let location: string;
	try {
		location = await saveOnce(event, formData, async (db) => {
			const saved = await saveAssessment(db, ctx, {
				assessmentId: idOrNull(d.assessmentId),
				version: Number(d.version),
				requestId: idOrNull(d.requestId),
				supersedesId: idOrNull(d.supersedesId),
				content: contentFromForm(d),
				submit
			});
			return saved.status === 'submitted'
				? `/assessments/${saved.id}?saved=submitted`
				: `/assessments/${saved.id}/edit?saved=draft`;
		});
	} catch (e) {
		return formFailure(form, e, {
			onConflict: (current) => {
				// The conflict carries the newer version of this assessment.
				const c = current as AssessmentContent & { instrumentVersion: string; version: number };
				return { ...formFromContent(c, c.instrumentVersion), version: c.version };
			}
		});
	}
	redirect(303, location);
}
