/**
 * Rotates ENCRYPTION_KEY (docs/deploy.md): re-seals every secret at rest and the key check
 * with NEW_ENCRYPTION_KEY, in one transaction, refusing if ENCRYPTION_KEY is not the key in
 * use. Then start every instance with the new key; one left on the old key refuses to start.
 *   ENCRYPTION_KEY=<old> NEW_ENCRYPTION_KEY=<new> DATABASE_URL=… npm run key:rotate
 */
import { keyBytes } from '../src/lib/server/env';
import { rotateEncryptionKey } from '../src/lib/server/auth/key-check';
import { encryptionKey } from '../src/lib/server/auth/secret-box';
import { closeDb, getDb } from '../src/lib/server/db';

const next = keyBytes(process.env.NEW_ENCRYPTION_KEY ?? '');
if (!next) {
	console.error('NEW_ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32).');
	process.exit(2);
}
try {
	const { resealed } = await rotateEncryptionKey(await getDb(), encryptionKey(), Buffer.from(next));
	console.info(`Re-sealed ${resealed} authenticator keys. Start every instance with the new key.`);
} catch (e) {
	console.error(e instanceof Error ? e.message : e);
	process.exitCode = 1;
} finally {
	await closeDb();
}
