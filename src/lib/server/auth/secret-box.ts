import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyBytes, readEnv } from '../env';

/**
 * Secrets at rest (the authenticator keys) are sealed with AES-256-GCM from Node's crypto
 * (no home-made cipher): a random 12-byte nonce, the 16-byte tag, the ciphertext, base64.
 * The key comes from ENCRYPTION_KEY; the embedded database keeps a generated one in its
 * data folder, and tests on an in-memory database get one for the process (ADR 014).
 */
let cached: Buffer | null = null;

export function encryptionKey(): Buffer {
	if (cached) return cached;
	const env = readEnv();
	if (env.ENCRYPTION_KEY) return (cached = Buffer.from(keyBytes(env.ENCRYPTION_KEY)!));
	if (env.DATABASE_URL) throw new Error('ENCRYPTION_KEY is required with DATABASE_URL');
	if (env.DATA_DIR.startsWith('memory://')) return (cached = randomBytes(32));
	const file = join(env.DATA_DIR, 'encryption.key');
	if (!existsSync(file)) {
		mkdirSync(env.DATA_DIR, { recursive: true });
		writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
	}
	const bytes = keyBytes(readFileSync(file, 'utf8'));
	if (!bytes) throw new Error(`The key in ${file} is not 32 bytes of base64`);
	return (cached = Buffer.from(bytes));
}

export function seal(plain: Uint8Array, key: Buffer = encryptionKey()): string {
	const nonce = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, nonce);
	const body = Buffer.concat([cipher.update(plain), cipher.final()]);
	return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
}

export function open(sealed: string, key: Buffer = encryptionKey()): Uint8Array {
	const raw = Buffer.from(sealed, 'base64');
	const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
	decipher.setAuthTag(raw.subarray(12, 28));
	return Uint8Array.from(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]));
}
