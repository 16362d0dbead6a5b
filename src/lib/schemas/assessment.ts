import { z } from 'zod';
import { CURRENT_INSTRUMENT, type Instrument } from '../domain/instrument';
import { m } from '../paraglide/messages';
import { boundedInt, optionalParagraph, uuidOrEmpty } from './common';

/**
 * The assessment form as flat fields, so it works without JavaScript:
 * `r_S1` = '' (not assessed) | '0'…'3', `e_S1` = evidence note, plus the free texts.
 */
import { EVIDENCE_MAX, VIEW_MAX } from './limits';
export { EVIDENCE_MAX, VIEW_MAX };

const rating = z
	.enum(['', '0', '1', '2', '3'], { error: () => m.error_rating_invalid() })
	.default('');

type AssessmentFormSchema = z.ZodObject<Record<string, z.ZodType<string | number>>>;

// One schema per instrument, built once: building it, and the form adapter's JSON Schema
// of it (cached by the schema's identity), cost ~5 ms of every assessment post and page.
// Its error texts are functions, so one schema still answers in each reader's language.
const schemas = new WeakMap<Instrument, AssessmentFormSchema>();
const fieldSets = new WeakMap<Instrument, Set<string>>();

export function assessmentFormSchema(inst: Instrument = CURRENT_INSTRUMENT): AssessmentFormSchema {
	let schema = schemas.get(inst);
	if (!schema) {
		schema = buildSchema(inst);
		schemas.set(inst, schema);
	}
	return schema;
}

function buildSchema(inst: Instrument): AssessmentFormSchema {
	const shape: Record<string, z.ZodType> = {
		assessmentId: uuidOrEmpty,
		requestId: uuidOrEmpty,
		supersedesId: uuidOrEmpty,
		version: boundedInt(0).default(0),
		childView: optionalParagraph(VIEW_MAX),
		guardiansView: optionalParagraph(VIEW_MAX),
		strengths: optionalParagraph(VIEW_MAX),
		familyInformed: z.enum(['', 'yes', 'no'], { error: () => m.error_choose_option() }).default('')
	};
	for (const item of inst.items) {
		shape[`r_${item.id}`] = rating;
		shape[`e_${item.id}`] = optionalParagraph(EVIDENCE_MAX);
	}
	return z.object(shape) as AssessmentFormSchema;
}

export type AssessmentFormData = Record<string, string | number>;

/** Field names a posted assessment may carry; anything else is refused. */
export function allowedAssessmentFields(
	inst: Instrument = CURRENT_INSTRUMENT
): ReadonlySet<string> {
	let fields = fieldSets.get(inst);
	if (!fields) {
		fields = new Set([...Object.keys(assessmentFormSchema(inst).shape), '__superform_id']);
		fieldSets.set(inst, fields);
	}
	return fields;
}
