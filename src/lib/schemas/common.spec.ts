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

describe('shared primitives refuse malformed input', () => {
	it('refuse control characters on one line, allow layout in paragraphs', async () => {
		const { text, paragraph } = await import('./common');
		expect(text(100).safeParse('Aino\u0000').success).toBe(false);
		expect(text(100).safeParse('Aino\tMäkinen').success).toBe(false);
		expect(text(100).safeParse('Aino Mäkinen').success).toBe(true);
		expect(paragraph(100).safeParse('rivi 1\nrivi 2\tsisennys').success).toBe(true);
		expect(paragraph(100).safeParse('rivi\u0000').success).toBe(false);
		expect(paragraph(100).safeParse('rivi\u001b[31m').success).toBe(false);
	});

	it('bound every integer to what the database holds', async () => {
		const { version, INT_MAX } = await import('./common');
		expect(version.safeParse(String(INT_MAX)).success).toBe(true);
		expect(version.safeParse('2147483648').success).toBe(false);
		expect(version.safeParse('1e309').success).toBe(false);
		expect(version.safeParse('0').success).toBe(false);
	});

	it('accept only real calendar dates within 1900–2100', async () => {
		const { isoDate, localDateTime } = await import('./common');
		for (const bad of [
			'2026-02-30',
			'0000-01-01',
			'2026-13-01',
			'2023-02-29',
			'1899-12-31',
			'2101-01-01',
			'2026-2-3'
		])
			expect(isoDate.safeParse(bad).success, bad).toBe(false);
		for (const good of ['2024-02-29', '2026-12-31', '1900-01-01'])
			expect(isoDate.safeParse(good).success, good).toBe(true);
		expect(localDateTime.safeParse('2026-11-30T13:00').success).toBe(true);
		expect(localDateTime.safeParse('2026-02-30T13:00').success).toBe(false);
		expect(localDateTime.safeParse('2026-11-30T24:00').success).toBe(false);
	});
});
