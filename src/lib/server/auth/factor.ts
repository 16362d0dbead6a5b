import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import { hmac } from '@oslojs/crypto/hmac';
import { generateRandomString, type RandomReader } from '@oslojs/crypto/random';
import { SHA256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Db, DbOrTx } from '../db';
import { recoveryCode, userFactor } from '../db/schema';
import { securityEvent } from './security-events';
import { encryptionKey, open, seal } from './secret-box';
import { clearAttempts, reserveAttempt } from './throttle';
import { matchStep, newKey, stepAt } from './totp';

/** Ten single-use recovery codes, shown once. */
export const RECOVERY_CODE_COUNT = 10;
/** Code attempts before delays start, per person (like the password's). */
export const CODE_FREE_ATTEMPTS = 4;
/** Sensitive actions need a confirmation at most this old (ASVS 3.7.1). */
export const REAUTH_MAX_AGE_MS = 10 * 60 * 1000;

const throttleKey = (userId: string) => `factor:${userId}`;

export async function factorState(db: DbOrTx, userId: string) {
	const [f] = await db.select().from(userFactor).where(eq(userFactor.userId, userId));
	const [left] = await db
		.select({ n: count() })
		.from(recoveryCode)
		.where(and(eq(recoveryCode.userId, userId), isNull(recoveryCode.usedAt)));
	return { confirmed: Boolean(f?.confirmedAt), recoveryLeft: left?.n ?? 0 };
}

/**
 * The key being set up: a new one unless an unconfirmed one is waiting (so reloading the
 * page shows the same QR code). A confirmed factor is replaced only through `replace`.
 */
export async function setupKey(
	db: DbOrTx,
	userId: string,
	opts: { replace?: boolean } = {}
): Promise<Uint8Array> {
	const [f] = await db.select().from(userFactor).where(eq(userFactor.userId, userId));
	if (f && !f.confirmedAt) return open(f.secretEnc);
	if (f?.confirmedAt && !opts.replace) throw new Error('factor already confirmed');
	const key = newKey();
	await db
		.insert(userFactor)
		.values({ userId, secretEnc: seal(key), confirmedAt: null, lastUsedStep: null })
		.onConflictDoUpdate({
			target: userFactor.userId,
			set: { secretEnc: seal(key), confirmedAt: null, lastUsedStep: null, createdAt: new Date() }
		});
	return key;
}

// Filled through a fresh buffer: the reader's bytes may sit on any kind of ArrayBuffer, and
// getRandomValues takes only a plain one (TypeScript 7's library says so).
const random: RandomReader = {
	read: (bytes) => bytes.set(crypto.getRandomValues(new Uint8Array(bytes.length)))
};

/**
 * A recovery code: twelve random digits in three groups, e.g. 4821-3905-7716. Digits, so the
 * same numeric field takes it; 40 bits, and it is stored as an HMAC keyed with the
 * encryption key, so a database dump alone cannot be searched for the codes.
 */
export function newRecoveryCode(): string {
	const s = generateRandomString(random, '0123456789', RECOVERY_CODE_DIGITS);
	return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}
export const RECOVERY_CODE_DIGITS = 12;

const normaliseRecovery = (code: string) => code.replace(/\D/g, '');
const recoveryHash = (normal: string) =>
	encodeHexLowerCase(hmac(SHA256, encryptionKey(), new TextEncoder().encode(normal)));

/** Replaces the person's recovery codes; only their hashes are kept. */
export async function newRecoveryCodes(db: DbOrTx, userId: string): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
	await db.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
	await db
		.insert(recoveryCode)
		.values(codes.map((c) => ({ userId, codeHash: recoveryHash(normaliseRecovery(c)) })));
	return codes;
}

export type CodeCheck =
	| { ok: true; kind: 'totp' }
	| { ok: true; kind: 'recovery'; recoveryLeft: number }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAt: Date };

/**
 * Checks a code from the authenticator, or a recovery code. The attempt is reserved first
 * (atomic, like the password's); a TOTP code is accepted once only: the step it belongs to
 * must come after the last one used, and the update that records it is conditional, so two
 * requests with the same code cannot both pass. A recovery code is spent in one statement.
 * `pendingSetup` checks against a key not yet confirmed (the set-up's first code).
 */
export async function checkCode(
	db: Db,
	userId: string,
	input: string,
	now: Date = new Date(),
	opts: { pendingSetup?: boolean } = {}
): Promise<CodeCheck> {
	const reservation = await reserveAttempt(db, throttleKey(userId), CODE_FREE_ATTEMPTS, now);
	if (!reservation.allowed) {
		securityEvent('sign_in_code_locked', { userId });
		return { ok: false, reason: 'throttled', retryAt: reservation.lockedUntil };
	}
	const code = input.replace(/[\s-]+/g, '');
	const result = /^\d{6}$/.test(code)
		? await checkTotp(db, userId, code, now, opts.pendingSetup ?? false)
		: opts.pendingSetup
			? null
			: await spendRecoveryCode(db, userId, code, now);
	if (!result) {
		securityEvent(reservation.lockedUntil ? 'sign_in_code_locked' : 'sign_in_code_refused', {
			userId
		});
		return reservation.lockedUntil
			? { ok: false, reason: 'throttled', retryAt: reservation.lockedUntil }
			: { ok: false, reason: 'invalid' };
	}
	await clearAttempts(db, throttleKey(userId));
	securityEvent(
		opts.pendingSetup
			? 'factor_set_up'
			: result.ok && result.kind === 'recovery'
				? 'recovery_code_used'
				: 'code_accepted',
		{ userId }
	);
	return result;
}

async function checkTotp(
	db: Db,
	userId: string,
	code: string,
	now: Date,
	pendingSetup: boolean
): Promise<CodeCheck | null> {
	const [f] = await db.select().from(userFactor).where(eq(userFactor.userId, userId));
	if (!f || Boolean(f.confirmedAt) === pendingSetup) return null;
	const step = matchStep(open(f.secretEnc), code, now, f.lastUsedStep);
	if (step === null) return null;
	const [used] = await db
		.update(userFactor)
		.set({
			lastUsedStep: step,
			...(pendingSetup ? { confirmedAt: now } : {})
		})
		.where(
			and(
				eq(userFactor.userId, userId),
				or(isNull(userFactor.lastUsedStep), lt(userFactor.lastUsedStep, step))
			)
		)
		.returning({ userId: userFactor.userId });
	return used ? { ok: true, kind: 'totp' } : null;
}

async function spendRecoveryCode(
	db: Db,
	userId: string,
	code: string,
	now: Date
): Promise<CodeCheck | null> {
	const normal = normaliseRecovery(code);
	if (normal.length !== RECOVERY_CODE_DIGITS) return null;
	const [spent] = await db
		.update(recoveryCode)
		.set({ usedAt: now })
		.where(
			and(
				eq(recoveryCode.userId, userId),
				eq(recoveryCode.codeHash, recoveryHash(normal)),
				isNull(recoveryCode.usedAt)
			)
		)
		.returning({ id: recoveryCode.id });
	if (!spent) return null;
	const { recoveryLeft } = await factorState(db, userId);
	return { ok: true, kind: 'recovery', recoveryLeft };
}

/** Removes the person's factor and recovery codes (a reset); they set one up again. */
export async function removeFactor(db: DbOrTx, userId: string) {
	await db.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
	await db.delete(userFactor).where(eq(userFactor.userId, userId));
}

/** For tests and the demo: the current step, so a caller can tell codes apart. */
export const currentStep = (now: Date = new Date()) => stepAt(now);

/** Whether the session's last confirmation is recent enough for a sensitive action. */
export function recentlyConfirmed(reauthAt: Date | null, now: Date = new Date()): boolean {
	return reauthAt !== null && now.getTime() - reauthAt.getTime() <= REAUTH_MAX_AGE_MS;
}
