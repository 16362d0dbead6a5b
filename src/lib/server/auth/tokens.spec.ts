import { describe, expect, it } from 'vitest';
import { generateToken, hashToken } from './tokens';

describe('session tokens', () => {
	it('carry at least 120 bits of randomness (160 bits, base32)', () => {
		const token = generateToken();
		// 20 bytes → 32 base32 characters of 5 bits each.
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(token.length * 5).toBeGreaterThanOrEqual(120);
	});

	it('never repeat', () => {
		const seen = new Set(Array.from({ length: 2000 }, generateToken));
		expect(seen.size).toBe(2000);
	});

	it('are stored only as a SHA-256 hex digest', () => {
		const token = generateToken();
		const id = hashToken(token);
		expect(id).toMatch(/^[0-9a-f]{64}$/);
		expect(id).not.toContain(token);
		expect(hashToken(token)).toBe(id);
		// Known SHA-256 vector, so the digest is the real one and not a stand-in.
		expect(hashToken('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});
});
