import { z } from 'zod';
import { m } from '../paraglide/messages';

/** Error texts are functions, so they are read in the language of the request. */
export const required = () => m.error_required();

/* eslint-disable no-control-regex -- these patterns exist to find control characters */
/** C0 and C1 control characters and DEL: never part of what a person types on one line. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but tab and line breaks, which a multi-line text may hold. */
const CONTROL_EXCEPT_LAYOUT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/* eslint-enable no-control-regex */

const controlError = { error: () => m.error_control_characters() };

/** Required text of `min`–`max` characters, without the control characters `forbidden`. */
const requiredText =
	(forbidden: RegExp) =>
	(max: number, min = 1) =>
		z
			.string({ error: required })
			.trim()
			.min(min, { error: min <= 1 ? required : () => m.error_too_short({ min }) })
			.max(max, { error: () => m.error_too_long({ max }) })
			.refine((v) => !forbidden.test(v), controlError);

/** Optional text (empty by default), likewise. */
const optional = (forbidden: RegExp) => (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.error_too_long({ max }) })
		.refine((v) => !forbidden.test(v), controlError)
		.default('');

/** One line of text (a name, a place): no control characters at all. */
export const text = requiredText(CONTROL);
export const optionalText = optional(CONTROL);

/** Text from a textarea: line breaks and tabs allowed, other control characters not. */
export const paragraph = requiredText(CONTROL_EXCEPT_LAYOUT);
export const optionalParagraph = optional(CONTROL_EXCEPT_LAYOUT);

/** PostgreSQL's `integer`: every integer a form carries fits in it, or is refused. */
export const INT_MAX = 2_147_483_647;
export const boundedInt = (min: number, max = INT_MAX) =>
	z.coerce
		.number({ error: () => m.error_number_invalid() })
		.int({ error: () => m.error_number_invalid() })
		.min(min, { error: () => m.error_number_invalid() })
		.max(max, { error: () => m.error_number_invalid() });

/** Dates a form may carry: real calendar days within these years. */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';

/** A real calendar day written yyyy-mm-dd (2026-02-30 and 0000-01-01 are not). */
export function isCalendarDate(v: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
	if (!match) return false;
	const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const t = new Date(Date.UTC(y, mo - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export const isoDate = z
	.string({ error: () => m.error_date_invalid() })
	.trim()
	.refine(isCalendarDate, { error: () => m.error_date_invalid(), abort: true })
	.refine((v) => v >= DATE_MIN && v <= DATE_MAX, { error: () => m.error_date_out_of_range() });
export const optionalDate = z.union([z.literal(''), isoDate]).default('');

/** A datetime-local value (Finnish wall clock), e.g. 2026-11-30T13:00: a real day and time. */
export const localDateTime = z.string({ error: () => m.error_datetime_invalid() }).refine(
	(v) => {
		const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(v);
		return (
			!!match &&
			isCalendarDate(match[1]!) &&
			match[1]! >= DATE_MIN &&
			match[1]! <= DATE_MAX &&
			Number(match[2]) < 24 &&
			Number(match[3]) < 60
		);
	},
	{ error: () => m.error_datetime_invalid() }
);

export const uuidOrEmpty = z
	.string()
	.refine((v) => v === '' || z.uuid().safeParse(v).success, {
		error: () => m.error_choose_option()
	})
	.default('');

export const version = boundedInt(1);

import { PASSWORD_MAX, PASSWORD_MIN } from './limits';
export { PASSWORD_MAX, PASSWORD_MIN };

/** 12–128 characters, counted as characters a person sees (code points), not bytes. */
export const newPassword = z
	.string({ error: required })
	.refine((v) => [...v].length >= PASSWORD_MIN, {
		error: () => m.error_password_length({ min: PASSWORD_MIN, max: PASSWORD_MAX })
	})
	.refine((v) => [...v].length <= PASSWORD_MAX, {
		error: () => m.error_password_length({ min: PASSWORD_MIN, max: PASSWORD_MAX })
	});

/**
 * A required choice from a list, with nothing preselected. The empty default makes
 * superforms post '' (refused) instead of silently picking the first option.
 */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { error: () => m.error_choose_option() }).default('' as T[number]);

/** A list's page number: anything that is not a sensible page is page 1, never an error. */
export const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);

/** The page number in a query string (a number only, never a name). */
export function parsePage(params: URLSearchParams, name = 'page'): number {
	return pageNumber.parse(params.get(name) ?? undefined);
}
