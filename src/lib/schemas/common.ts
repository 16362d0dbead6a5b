import { z } from 'zod';
import { m } from '../paraglide/messages';

/** Error texts are functions, so they are read in the language of the request. */
export const required = () => m.error_required();

export const text = (max: number, min = 1) =>
	z
		.string({ error: required })
		.trim()
		.min(min, { error: min <= 1 ? required : () => m.error_too_short({ min }) })
		.max(max, { error: () => m.error_too_long({ max }) });

export const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.error_too_long({ max }) })
		.default('');

export const uuidOrEmpty = z
	.string()
	.refine((v) => v === '' || z.uuid().safeParse(v).success, {
		error: () => m.error_choose_option()
	})
	.default('');

export const version = z.coerce.number().int().min(1);

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

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
