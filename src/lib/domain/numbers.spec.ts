import { describe, expect, it } from 'vitest';
import { numberText } from './numbers';

describe('numberText', () => {
	it('writes a decimal the reader’s way', () => {
		expect(numberText(1.5, 'fi')).toBe('1,5');
		expect(numberText(1.5, 'sv')).toBe('1,5');
		expect(numberText(1.5, 'en')).toBe('1.5');
	});

	it('writes a whole number without decimals', () => {
		expect(numberText(3, 'fi')).toBe('3');
	});
});
