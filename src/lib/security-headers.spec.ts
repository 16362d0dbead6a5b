import { describe, expect, it } from 'vitest';
import { baseSecurityHeaders } from './security-headers.js';

describe('baseSecurityHeaders', () => {
	it('sends HSTS only when the public origin is https', () => {
		expect(baseSecurityHeaders('https://yhteisarvio.example.fi')).toMatchObject({
			'strict-transport-security': 'max-age=63072000; includeSubDomains'
		});
		expect(baseSecurityHeaders('http://localhost:3000')).not.toHaveProperty(
			'strict-transport-security'
		);
		expect(baseSecurityHeaders(undefined)).not.toHaveProperty('strict-transport-security');
	});

	it('always refuses sniffing, framing and unused browser features', () => {
		const h = baseSecurityHeaders(undefined);
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['x-frame-options']).toBe('DENY');
		expect(h['permissions-policy']).toContain('camera=()');
		expect(h['permissions-policy']).toContain('geolocation=()');
	});
});
