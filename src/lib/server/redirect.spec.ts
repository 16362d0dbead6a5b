import { describe, expect, it } from 'vitest';
import { safeNext } from './redirect';

describe('safeNext', () => {
	it('follows local paths only', () => {
		expect(safeNext('/admin/users')).toBe('/admin/users');
		expect(safeNext('//evil.example/')).toBe('/');
		expect(safeNext('/\\evil.example')).toBe('/');
		expect(safeNext('https://evil.example/')).toBe('/');
		expect(safeNext(null)).toBe('/');
	});
});
