import { eq, sql } from 'drizzle-orm';
import { inTransaction, type DbOrTx } from '../db';
import { keyCheck, userFactor } from '../db/schema';
import { encryptionKey, open, seal } from './secret-box';

/**
 * ENCRYPTION_KEY, checked and rotated (issue 38). A wrong key used to go unnoticed: the
 * instance reported ready and failed every second-factor sign-in, and behind a round-robin
 * balancer half of them. Now the database keeps a known text sealed with the key; an
 * instance that cannot open it refuses to start, and the first instance on a new database
 * seals it.
 */
const KNOWN = new TextEncoder().encode('yhteisarvio key check');

export class WrongKeyError extends Error {
	constructor() {
		super(
			'ENCRYPTION_KEY does not open what this database was sealed with: start with the key ' +
				'the other instances use (docs/deploy.md, "Rotating ENCRYPTION_KEY").'
		);
		this.name = 'WrongKeyError';
	}
}

const opens = (sealed: string, key: Buffer) => {
	try {
		return Buffer.from(open(sealed, key)).equals(Buffer.from(KNOWN));
	} catch {
		return false;
	}
};

/** At start: seal the known text if the database has none yet, then open it, or throw. */
export async function checkEncryptionKey(db: DbOrTx, key: Buffer = encryptionKey()) {
	// Instances starting together: one insert wins, every one then opens the winner's.
	await db
		.insert(keyCheck)
		.values({ id: 1, sealed: seal(KNOWN, key) })
		.onConflictDoNothing();
	const [row] = await db.select({ sealed: keyCheck.sealed }).from(keyCheck);
	if (!row || !opens(row.sealed, key)) throw new WrongKeyError();
}

/**
 * Re-seals every secret at rest (the authenticator keys) and the check with `next`, in one
 * transaction under a lock, refusing if `current` is not the key in use. Afterwards every
 * instance must start with `next`; one still on `current` refuses to start.
 */
export async function rotateEncryptionKey(db: DbOrTx, current: Buffer, next: Buffer) {
	return inTransaction(db, async (tx) => {
		const [row] = await tx
			.select({ sealed: keyCheck.sealed })
			.from(keyCheck)
			.for('update')
			.where(eq(keyCheck.id, 1));
		if (row && !opens(row.sealed, current)) throw new WrongKeyError();
		const factors = await tx
			.select({ userId: userFactor.userId, secretEnc: userFactor.secretEnc })
			.from(userFactor)
			.for('update');
		for (const f of factors)
			await tx
				.update(userFactor)
				.set({ secretEnc: seal(open(f.secretEnc, current), next) })
				.where(eq(userFactor.userId, f.userId));
		await tx
			.insert(keyCheck)
			.values({ id: 1, sealed: seal(KNOWN, next) })
			.onConflictDoUpdate({ target: keyCheck.id, set: { sealed: sql`excluded.sealed` } });
		return { resealed: factors.length };
	});
}
