import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { ONCE_FIELD } from '../schemas/once';
import type { RequestContext } from './context';
import { ConflictError, DeniedInTransaction } from './errors';
import { schema, type Db, type DbOrTx } from './db';

/**
 * A create answered once (ADR 052). A form that creates a record carries a one-time key,
 * made when the page drew the form. The first post of that form, as it was filled in,
 * records the key's digest in the same transaction as the record it creates; the same post
 * again (a browser without JavaScript sending a double press, a retry after an answer that
 * was lost, the back button) finds it and is sent where the first one went, and nothing is
 * created twice.
 */

const { formSubmission } = schema;
/**
 * What keys a post: a create's one-time key (a UUID), or the version of the record a change
 * was drawn from. A version works as a key because a saved change raises it: the same form
 * again is a repeat, a new change is drawn from the newer version.
 */
const KEYS = {
	once: { field: ONCE_FIELD, valid: z.uuid() },
	version: { field: 'version', valid: z.string().regex(/^\d{1,9}$/) }
} as const;
export type SubmissionKey = keyof typeof KEYS;

/** Who posts, as the digest names them: a form's key means nothing for anybody else. */
function principalOf(ctx: RequestContext): string | null {
	if (ctx.kind === 'staff') return `staff:${ctx.userId}`;
	if (ctx.kind === 'family') return `family:${ctx.personId}`;
	return null;
}

/**
 * The digest of one post: who posted, to which action, and every field as posted, the key
 * among them. A post with a different field is another submission, never taken for the
 * first one: a form whose key somehow stayed the same still saves what is new. Null (no
 * guard) where the post has no key, or one that is no UUID, or nobody is signed in.
 */
export function submissionDigest(
	ctx: RequestContext,
	action: string,
	body: FormData,
	keyedBy: SubmissionKey = 'once'
): string | null {
	const principal = principalOf(ctx);
	const key = KEYS[keyedBy];
	if (principal === null || !key.valid.safeParse(body.get(key.field)).success) return null;
	const fields = [...body].map(([name, value]) =>
		typeof value === 'string' ? [name, value] : [name, `file:${value.name}:${value.size}`]
	);
	const text = JSON.stringify([principal, action, fields]);
	return encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
}

/** Where a post goes after it saved, and whether an earlier post saved it. */
export type Answer = { location: string; again: boolean };

/**
 * Runs `save` (which answers with the location to send the person to) for the post whose
 * digest is `digest`, at most once. With a digest, the key is recorded first, in the
 * transaction `save` runs in: a second post of the same form waits for the first to end;
 * if it saved, the second is answered with its location and `save` does not run; if it
 * failed, nothing was recorded and the second saves. Without one, `save` runs as it is.
 */
export async function answerOnce(
	db: Db,
	digest: string | null,
	save: (db: DbOrTx) => Promise<string>
): Promise<Answer> {
	if (digest === null) return { location: await save(db), again: false };
	try {
		return await recordOnce(db, digest, save);
	} catch (e) {
		// A refusal rolled the transaction back with its denied row: written now, on its own.
		if (e instanceof DeniedInTransaction) await e.writeDenied(db);
		throw e;
	}
}

function recordOnce(db: Db, digest: string, save: (db: DbOrTx) => Promise<string>) {
	return db.transaction(async (tx): Promise<Answer> => {
		const [mine] = await tx
			.insert(formSubmission)
			.values({ digest, location: '' })
			.onConflictDoNothing()
			.returning({ digest: formSubmission.digest });
		if (!mine) {
			// Each statement sees what has committed before it (read committed): the first
			// post, which this one waited for above.
			const first = await answeredAt(tx, digest);
			if (first !== undefined) return { location: first, again: true };
			// Gone meanwhile (retention, a week later): this post saves as a new one.
			return { location: await save(tx), again: false };
		}
		const location = await save(tx);
		await tx.update(formSubmission).set({ location }).where(eq(formSubmission.digest, digest));
		return { location, again: false };
	});
}

/**
 * `answerOnce` for a change of a versioned record (ADR 052, addendum), keyed by the version
 * the form was drawn from. The record's version lock already keeps a repeat from saving
 * twice, and refused it as "changed meanwhile"; the digest lets it be answered with the
 * first post's page instead. `save` runs in its own transaction and the digest is stored
 * after it: a repeat that arrives before that is refused by the lock, looks once more, and
 * gets the notice only if the first post's answer is still not stored.
 */
export async function answerChangeOnce(
	db: Db,
	digest: string | null,
	save: () => Promise<string>
): Promise<Answer> {
	if (digest === null) return { location: await save(), again: false };
	const before = await answeredAt(db, digest);
	if (before) return { location: before, again: true };
	let location: string;
	try {
		location = await save();
	} catch (e) {
		const first = e instanceof ConflictError ? await answeredAt(db, digest) : undefined;
		if (first) return { location: first, again: true };
		throw e;
	}
	await db.insert(formSubmission).values({ digest, location }).onConflictDoNothing();
	return { location, again: false };
}

/** Where the post with `digest` was answered, if it was. */
async function answeredAt(db: DbOrTx, digest: string): Promise<string | undefined> {
	const [row] = await db
		.select({ location: formSubmission.location })
		.from(formSubmission)
		.where(eq(formSubmission.digest, digest));
	return row?.location;
}

/** Retention (ADR 046): the keys of forms answered before `before`. */
export async function deleteOldSubmissions(db: DbOrTx, before: Date): Promise<number> {
	const gone = await db
		.delete(formSubmission)
		.where(lt(formSubmission.createdAt, before))
		.returning({ digest: formSubmission.digest });
	return gone.length;
}
