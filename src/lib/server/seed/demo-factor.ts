import { sha256 } from '@oslojs/crypto/sha2';
import { generateTOTP } from '@oslojs/otp';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';

/**
 * The demo accounts' authenticator keys: fixed, public (listed in the README), derived from
 * the e-mail so nobody has to copy 13 keys around. Demo data only; never a real account.
 * No imports from the app, so the end-to-end tests and scripts can use it as it is.
 */
export function demoSecret(email: string): Uint8Array {
	return sha256(new TextEncoder().encode(`yhteisarvio-demo-totp:${email}`)).slice(0, 20);
}

export function demoSecretText(email: string): string {
	return encodeBase32UpperCaseNoPadding(demoSecret(email));
}

/** The demo account's code right now (30-second steps, six digits). */
export function demoCode(email: string): string {
	return generateTOTP(demoSecret(email), 30, 6);
}

/** The file the embedded database's folder gets when it holds the demo data. */
export const DEMO_MARKER = 'DEMO';
