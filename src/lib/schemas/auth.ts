import { z } from 'zod';
import { m } from '../paraglide/messages';
import { newPassword, required } from './common';

export const loginSchema = z.object({
	email: z.string({ error: required }).trim().min(1, { error: required }).max(254),
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
