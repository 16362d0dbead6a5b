import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { keyCheck, userFactor } from '../db/schema';
import { db, makeUser } from '../testing/fixtures';
import { checkEncryptionKey, rotateEncryptionKey, WrongKeyError } from './key-check';
import { encryptionKey, open, seal } from './secret-box';

const thrown = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e);

describe('ENCRYPTION_KEY checked at start and rotated (issue 38)', () => {
	it('refuses a key that did not seal the database; rotation re-seals every secret', async () => {
		const d = await db();
		const current = encryptionKey();
		const other = randomBytes(32);
		await checkEncryptionKey(d, current);
		expect(await d.select().from(keyCheck)).toHaveLength(1);
		// A second instance started with another key refuses to start.
		expect(await thrown(checkEncryptionKey(d, other))).toBeInstanceOf(WrongKeyError);

		const { user } = await makeUser('social_worker');
		const secret = randomBytes(20);
		await d
			.insert(userFactor)
			.values({ userId: user.id, secretEnc: seal(secret, current) })
			.onConflictDoUpdate({ target: userFactor.userId, set: { secretEnc: seal(secret, current) } });
		const sealedOf = async () =>
			(await d.select().from(userFactor).where(eq(userFactor.userId, user.id)))[0]!.secretEnc;

		// Rotating from a key that is not the one in use changes nothing.
		const before = await sealedOf();
		expect(await thrown(rotateEncryptionKey(d, other, randomBytes(32)))).toBeInstanceOf(
			WrongKeyError
		);
		expect(await sealedOf()).toBe(before);

		const rotated = await rotateEncryptionKey(d, current, other);
		expect(rotated.resealed).toBeGreaterThanOrEqual(1);
		expect(Buffer.from(open(await sealedOf(), other))).toEqual(secret);
		await checkEncryptionKey(d, other);
		expect(await thrown(checkEncryptionKey(d, current))).toBeInstanceOf(WrongKeyError);

		// Back to the process's key: other specs in this worker share the database.
		await rotateEncryptionKey(d, other, current);
		await checkEncryptionKey(d, current);
		expect(Buffer.from(open(await sealedOf(), current))).toEqual(secret);
	});
});
