import { z } from 'zod';
import { m } from '../paraglide/messages';
import { newPassword, required, text } from './common';

export const loginSchema = z.object({
	// Control characters can be in no e-mail address; refusing them here keeps them away
	// from the database (a NUL byte cannot be stored in text).
	email: text(254),
	password: z.string({ error: required }).min(1, { error: required }).max(1024)
});

export const setPasswordSchema = z
	.object({ password: newPassword, confirm: z.string({ error: required }) })
	.refine((v) => v.password === v.confirm, {
		path: ['confirm'],
		error: () => m.error_passwords_differ()
	});

export const changePasswordSchema = z
	.object({
		currentPassword: z.string({ error: required }).min(1, { error: required }),
		newPassword,
		confirm: z.string({ error: required })
	})
	.refine((v) => v.newPassword === v.confirm, {
		path: ['confirm'],
		error: () => m.error_passwords_differ()
	});

/** A code from the authenticator (six digits) or a recovery code (XXXXX-XXXXX). */
export const codeSchema = z.object({
	code: text(32),
	next: z.string().max(2000).default('/')
});
