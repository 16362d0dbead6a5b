import { describe, expect, it } from 'vitest';
import { passwordProblem, personalWords } from './password-policy';

const maija = { email: 'maija.meikalainen@kunta.example', displayName: 'Maija Meikäläinen' };

describe('new passwords (ASVS 2.1.7)', () => {
	it.each(['password1234', 'qwertyuiop123', '123456789012', 'iloveyou1234', 'salasana1234'])(
		'refuses a common or breached password: %s',
		(pw) => expect(passwordProblem(pw, maija)).toMatch(/common|guessable/)
	);

	it.each(['Maija-2026-kesä', 'meikalainen!!42', 'MEIKÄLÄINEN1999', 'maija.meikalainen@kunta'])(
		'refuses a password that holds the person’s name or e-mail: %s',
		(pw) => expect(passwordProblem(pw, maija)).toBe('personal')
	);

	it.each(['correct horse battery staple', 'Kuusi-Järvi-Pilvi-Tuoli', 'H7#kq!2pLm9zQw'])(
		'accepts a strong password: %s',
		(pw) => expect(passwordProblem(pw, maija)).toBeNull()
	);

	it('matches whole words of the name, not pieces of other words', () => {
		expect(
			passwordProblem('Kuusi-Järvi-Pilvi-Tuoli', {
				email: 'u@x.example',
				displayName: 'Uusi Työntekijä'
			})
		).toBeNull();
	});

	it('folds case and accents in the person’s words', () => {
		expect(personalWords(maija)).toEqual(
			expect.arrayContaining(['maija', 'meikalainen', 'maija.meikalainen'])
		);
	});
});
