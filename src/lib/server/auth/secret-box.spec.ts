import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box';

describe('secret box (AES-256-GCM)', () => {
	it('opens what it sealed, with a new nonce each time, and no plain text inside', () => {
		const key = randomBytes(32);
		const secret = new TextEncoder().encode('JBSWY3DPEHPK3PXP-secret');
		const a = seal(secret, key);
		const b = seal(secret, key);
		expect(a).not.toBe(b);
		expect(Buffer.from(a, 'base64').toString('latin1')).not.toContain('JBSWY3DPEHPK3PXP');
		expect(new TextDecoder().decode(open(a, key))).toBe('JBSWY3DPEHPK3PXP-secret');
	});

	it('refuses another key and a tampered box', () => {
		const key = randomBytes(32);
		const sealed = seal(new Uint8Array([1, 2, 3]), key);
		expect(() => open(sealed, randomBytes(32))).toThrow();
		const raw = Buffer.from(sealed, 'base64');
		raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
		expect(() => open(raw.toString('base64'), key)).toThrow();
	});
});
