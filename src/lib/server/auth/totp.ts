import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';

/** RFC 6238 as authenticator apps expect it: SHA-1, 30-second steps, six digits. */
export const PERIOD_SECONDS = 30;
export const DIGITS = 6;
/** One step either way, for clocks a little apart. */
export const WINDOW_STEPS = 1;
export const ISSUER = 'Yhteisarvio';

export function stepAt(now: Date): number {
	return Math.floor(now.getTime() / (PERIOD_SECONDS * 1000));
}

export function codeAt(key: Uint8Array, step: number): string {
	return generateHOTP(key, BigInt(step), DIGITS);
}

/**
 * The time step a code belongs to, within the window around `now` and after `lastUsedStep`
 * (a code is accepted once only); null if it matches none. Pure: the time is passed in.
 */
export function matchStep(
	key: Uint8Array,
	code: string,
	now: Date,
	lastUsedStep: number | null
): number | null {
	if (!/^\d{6}$/.test(code)) return null;
	const current = stepAt(now);
	const given = new TextEncoder().encode(code);
	for (let step = current - WINDOW_STEPS; step <= current + WINDOW_STEPS; step++) {
		if (lastUsedStep !== null && step <= lastUsedStep) continue;
		if (constantTimeEqual(new TextEncoder().encode(codeAt(key, step)), given)) return step;
	}
	return null;
}

export function keyUri(accountName: string, key: Uint8Array): string {
	return createTOTPKeyURI(ISSUER, accountName, key, PERIOD_SECONDS, DIGITS);
}

/** The secret as a person types it into an app: base32 in groups of four. */
export function secretText(key: Uint8Array): string {
	return encodeBase32UpperCaseNoPadding(key)
		.replace(/(.{4})/g, '$1 ')
		.trim();
}

export function newKey(): Uint8Array {
	const key = new Uint8Array(20);
	crypto.getRandomValues(key);
	return key;
}
