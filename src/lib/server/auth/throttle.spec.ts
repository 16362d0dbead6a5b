import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_FREE_FAILURES,
	BASE_DELAY_MS,
	CLIENT_FREE_FAILURES,
	lockDurationMs,
	MAX_DELAY_MS,
	throttleKeys
} from './throttle';

describe('login throttling delays', () => {
	it('allows a few mistakes without delay', () => {
		for (let f = 0; f <= ACCOUNT_FREE_FAILURES; f++) {
			expect(lockDurationMs(f, ACCOUNT_FREE_FAILURES)).toBe(0);
		}
	});

	it('then grows: 30 s, 1 min, 2 min, 4 min …', () => {
		const f = ACCOUNT_FREE_FAILURES;
		expect(lockDurationMs(f + 1, f)).toBe(BASE_DELAY_MS);
		expect(lockDurationMs(f + 2, f)).toBe(2 * BASE_DELAY_MS);
		expect(lockDurationMs(f + 3, f)).toBe(4 * BASE_DELAY_MS);
		expect(lockDurationMs(f + 4, f)).toBe(8 * BASE_DELAY_MS);
	});

	it('is capped at 15 minutes, even after very many failures', () => {
		expect(lockDurationMs(1000, ACCOUNT_FREE_FAILURES)).toBe(MAX_DELAY_MS);
		expect(MAX_DELAY_MS).toBe(15 * 60 * 1000);
	});

	it('gives a shared client address more room than one account', () => {
		expect(CLIENT_FREE_FAILURES).toBeGreaterThan(ACCOUNT_FREE_FAILURES);
		expect(lockDurationMs(ACCOUNT_FREE_FAILURES + 1, CLIENT_FREE_FAILURES)).toBe(0);
	});

	it('keys hold no e-mail in clear, and ignore case and spaces', () => {
		const k = throttleKeys(' Maija@Example.FI ', '10.0.0.1');
		expect(k.account).not.toContain('maija');
		expect(k.account).toBe(throttleKeys('maija@example.fi', null).account);
		expect(k.client).toBe('client:10.0.0.1');
	});
});
