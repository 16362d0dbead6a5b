import {
	CURRENT_INSTRUMENT,
	itemsFor,
	localized,
	RATINGS,
	type Item
} from '../../../domain/instrument';
import type { OrganisationKind } from '../../../domain/roles';
import { m } from '../../../paraglide/messages';
import { getLocale } from '../../../paraglide/runtime';
import { words } from '../../words';

/**
 * The assessment form in words, in the reader's language (ADR 028): the instrument's items,
 * hints and scale in three languages were the largest part of the form's pages. The items
 * an organisation of `kind` is asked first come first; the rest are behind "other items".
 */
export function assessmentFormText(kind: OrganisationKind, emergencyPhone: string | null) {
	const locale = getLocale();
	const inst = CURRENT_INSTRUMENT;
	const { suggested, others } = itemsFor(inst, kind);
	const t = words(
		'assessment_evidence',
		'assessment_ratings',
		'assessment_ratings_intro',
		'assessment_views',
		'assessment_child_view',
		'assessment_child_view_hint',
		'assessment_guardians_view',
		'assessment_strengths',
		'assessment_strengths_hint',
		'assessment_family_informed',
		'yes',
		'no',
		'danger_title',
		'danger_not_notification',
		'danger_after_hours',
		'danger_file_notification',
		'assessment_submit',
		'assessment_save_draft',
		'assessment_submit_hint'
	);
	const shown = (i: Item) => ({
		id: i.id,
		label: `${i.id} ${localized(i.label, locale)}`,
		hint: localized(i.hint, locale)
	});
	// The error summary's names for the fields.
	const labels: Record<string, string> = {
		...Object.fromEntries(
			inst.items.flatMap((i) => [
				[`r_${i.id}`, `${i.id} ${localized(i.label, locale)}`],
				[`e_${i.id}`, `${i.id} ${t.assessment_evidence}`]
			])
		),
		childView: t.assessment_child_view,
		guardiansView: t.assessment_guardians_view,
		strengths: t.assessment_strengths,
		familyInformed: t.assessment_family_informed
	};
	return {
		t,
		suggested: suggested.map(shown),
		others: others.map(shown),
		othersTitle: m.assessment_other_items({ count: others.length }),
		dangerCall: emergencyPhone
			? m.danger_call_with_number({ phone: emergencyPhone })
			: m.danger_call(),
		scale: [
			{ value: '', label: localized(inst.notAssessed, locale) },
			...RATINGS.map((r) => ({
				value: String(r),
				label: `${r} – ${localized(inst.scale[r], locale)}`
			}))
		],
		labels
	};
}

export type AssessmentFormText = ReturnType<typeof assessmentFormText>;
