import { describe, expect, it } from 'vitest';
import { changePasswordSchema, setPasswordSchema } from './auth';
import { newPassword, PASSWORD_MAX, PASSWORD_MIN } from './common';

describe('password rules', () => {
	it('need 12 to 128 characters', () => {
		expect(PASSWORD_MIN).toBe(12);
		expect(PASSWORD_MAX).toBe(128);
		expect(newPassword.safeParse('a'.repeat(11)).success).toBe(false);
		expect(newPassword.safeParse('a'.repeat(12)).success).toBe(true);
		expect(newPassword.safeParse('a'.repeat(128)).success).toBe(true);
		expect(newPassword.safeParse('a'.repeat(129)).success).toBe(false);
	});

	it('count characters, not UTF-16 units: twelve emoji are twelve characters', () => {
		expect(newPassword.safeParse('🙂'.repeat(12)).success).toBe(true);
		expect(newPassword.safeParse('🙂'.repeat(11)).success).toBe(false);
		expect(newPassword.safeParse('🙂'.repeat(128)).success).toBe(true);
	});

	it('allow spaces and any script (passphrases)', () => {
		expect(newPassword.safeParse('pitkä lause jossa äöå').success).toBe(true);
	});

	it('require the confirmation to match', () => {
		const r = setPasswordSchema.safeParse({ password: 'a'.repeat(12), confirm: 'b'.repeat(12) });
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]?.path).toEqual(['confirm']);
		const c = changePasswordSchema.safeParse({
			currentPassword: 'x',
			newPassword: 'a'.repeat(12),
			confirm: 'a'.repeat(12)
		});
		expect(c.success).toBe(true);
	});

	it('explain the rule in the person’s language (Finnish by default)', () => {
		const r = newPassword.safeParse('short');
		expect(r.error?.issues[0]?.message).toBe('Salasanassa pitää olla 12–128 merkkiä.');
	});
});
