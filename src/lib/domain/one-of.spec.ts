import { describe, expect, it } from 'vitest';
import { asOneOf, isOneOf } from './one-of';

describe('isOneOf', () => {
	const KINDS = ['school', 'clinic'] as const;

	it('is true for a member of the list', () => {
		expect(isOneOf(KINDS, 'clinic')).toBe(true);
	});

	it('is false for anything else, a prefix, another case or an empty value included', () => {
		for (const v of ['', 'schoo', 'School', 'school ', 'toString', 'constructor'])
			expect(isOneOf(KINDS, v)).toBe(false);
	});

	it('narrows the value to the list type', () => {
		const v: string = 'school';
		if (!isOneOf(KINDS, v)) throw new Error('expected a member');
		const kind: (typeof KINDS)[number] = v;
		expect(kind).toBe('school');
	});
});

describe('asOneOf', () => {
	const KINDS = ['school', 'clinic'] as const;

	it('gives a member back, typed as the list', () => {
		const kind: (typeof KINDS)[number] = asOneOf(KINDS, 'school');
		expect(kind).toBe('school');
	});

	it('throws for anything else, without the value in the message', () => {
		expect(() => asOneOf(KINDS, 'Eetu Esimerkki')).toThrow('Not one of the expected values');
	});
});
