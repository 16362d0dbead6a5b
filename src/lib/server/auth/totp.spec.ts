import { describe, expect, it } from 'vitest';
import { codeAt, matchStep, stepAt } from './totp';

// RFC 6238, appendix B: the SHA-1 key "12345678901234567890"; six-digit codes are the last
// six digits of the eight-digit values in its table.
const KEY = new TextEncoder().encode('12345678901234567890');

describe('TOTP', () => {
	it.each([
		[59, '287082'],
		[1111111109, '081804'],
		[1234567890, '005924'],
		[2000000000, '279037']
	])('matches RFC 6238 at %i s', (seconds, code) => {
		expect(codeAt(KEY, stepAt(new Date(seconds * 1000)))).toBe(code);
	});

	it('accepts one step of drift either way, and a code once only', () => {
		const now = new Date(1234567890 * 1000);
		const step = stepAt(now);
		expect(matchStep(KEY, codeAt(KEY, step - 1), now, null)).toBe(step - 1);
		expect(matchStep(KEY, codeAt(KEY, step + 1), now, null)).toBe(step + 1);
		expect(matchStep(KEY, codeAt(KEY, step - 2), now, null)).toBeNull();
		expect(matchStep(KEY, codeAt(KEY, step), now, step)).toBeNull();
		expect(matchStep(KEY, codeAt(KEY, step + 1), now, step)).toBe(step + 1);
		expect(matchStep(KEY, '12345', now, null)).toBeNull();
	});
});
