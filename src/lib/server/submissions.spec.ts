import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ONCE_FIELD } from '../schemas/once';
import { requestContext, type RequestContext } from './context';
import { formSubmission } from './db/schema';
import { ConflictError, FieldError } from './errors';
import { answerChangeOnce, answerOnce, submissionDigest } from './submissions';
import { db } from './testing/fixtures';

const staff = async (userId = crypto.randomUUID()): Promise<RequestContext> =>
	requestContext(await db(), null, { id: userId, memberships: [] });

const body = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.append(k, v);
	return f;
};

describe('submissionDigest', () => {
	it('is the same for the same person, action and fields; another for any of them changed', async () => {
		const me = await staff();
		const key = crypto.randomUUID();
		const post = { [ONCE_FIELD]: key, givenName: 'Aino' };
		const first = submissionDigest(me, '/children/new?/create', body(post));
		expect(first).toMatch(/^[0-9a-f]{64}$/);
		expect(submissionDigest(me, '/children/new?/create', body(post))).toBe(first);
		for (const other of [
			submissionDigest(await staff(), '/children/new?/create', body(post)),
			submissionDigest(me, '/intake/new?/file', body(post)),
			submissionDigest(me, '/children/new?/create', body({ ...post, givenName: 'Aina' })),
			submissionDigest(
				me,
				'/children/new?/create',
				body({ ...post, [ONCE_FIELD]: crypto.randomUUID() })
			)
		])
			expect(other).not.toBe(first);
	});

	it('is no guard without a key, with a key that is no id, or for nobody signed in', async () => {
		const me = await staff();
		expect(submissionDigest(me, '/a', body({ givenName: 'Aino' }))).toBeNull();
		expect(submissionDigest(me, '/a', body({ [ONCE_FIELD]: 'x~J35' }))).toBeNull();
		const nobody = requestContext(await db(), null, null);
		expect(submissionDigest(nobody, '/a', body({ [ONCE_FIELD]: crypto.randomUUID() }))).toBeNull();
	});
});

/** A save that counts its runs and answers with where it would send the person. */
function counted() {
	let runs = 0;
	return {
		runs: () => runs,
		save: () => {
			runs++;
			return Promise.resolve(`/made/${runs}`);
		}
	};
}

describe('answerOnce', () => {
	it('saves the first post and answers the same post again with its location, saving nothing', async () => {
		const d = await db();
		const digest = crypto.randomUUID();
		const s = counted();
		expect(await answerOnce(d, digest, s.save)).toEqual({ location: '/made/1', again: false });
		expect(await answerOnce(d, digest, s.save)).toEqual({ location: '/made/1', again: true });
		expect(s.runs()).toBe(1);
		const [row] = await d.select().from(formSubmission).where(eq(formSubmission.digest, digest));
		expect(row?.location).toBe('/made/1');
	});

	it('records nothing when the save fails, so the next post saves', async () => {
		const d = await db();
		const digest = crypto.randomUUID();
		await expect(answerOnce(d, digest, () => Promise.reject(new Error('refused')))).rejects.toThrow(
			'refused'
		);
		expect(await d.select().from(formSubmission).where(eq(formSubmission.digest, digest))).toEqual(
			[]
		);
		const s = counted();
		expect(await answerOnce(d, digest, s.save)).toEqual({ location: '/made/1', again: false });
	});

	it('writes the save in the transaction that records the key: a failed save leaves neither', async () => {
		const d = await db();
		const digest = crypto.randomUUID();
		const mark = `once-${digest}`;
		await expect(
			answerOnce(d, digest, async (tx) => {
				await tx.insert(formSubmission).values({ digest: mark, location: '/x' });
				throw new Error('refused after writing');
			})
		).rejects.toThrow();
		expect(await d.select().from(formSubmission).where(eq(formSubmission.digest, mark))).toEqual(
			[]
		);
	});

	it('without a digest saves every time', async () => {
		const s = counted();
		await answerOnce(await db(), null, s.save);
		await answerOnce(await db(), null, s.save);
		expect(s.runs()).toBe(2);
	});

	it('the same post arriving at once from several connections saves once', async () => {
		// On PostgreSQL these are truly concurrent (a pool); PGlite runs them one after another.
		const d = await db();
		const digest = crypto.randomUUID();
		let runs = 0;
		const save = async (tx: Parameters<Parameters<typeof answerOnce>[2]>[0]) => {
			runs++;
			// Holds the first transaction open while the others arrive.
			await tx.execute(sql`select pg_sleep(0.2)`);
			return `/made/${runs}`;
		};
		const answers = await Promise.all(Array.from({ length: 6 }, () => answerOnce(d, digest, save)));
		expect(runs).toBe(1);
		expect(new Set(answers.map((a) => a.location))).toEqual(new Set(['/made/1']));
		expect(answers.filter((a) => !a.again)).toHaveLength(1);
	});
});

describe('answerChangeOnce (a versioned change, keyed by its version)', () => {
	const digestOf = async (version: string) =>
		submissionDigest(
			await staff(),
			`/a/${crypto.randomUUID()}?/change`,
			body({ version, x: '1' }),
			'version'
		);

	it('takes the version as the key, and no version or a bad one as no guard', async () => {
		const me = await staff();
		const at = (version: string) => submissionDigest(me, '/a', body({ version }), 'version');
		expect(at('3')).toMatch(/^[0-9a-f]{64}$/);
		expect(at('4')).not.toBe(at('3'));
		expect(at('3x')).toBeNull();
		expect(submissionDigest(me, '/a', body({ x: '1' }), 'version')).toBeNull();
	});

	it('answers a repeat with the first location and does not save again', async () => {
		const digest = await digestOf('3');
		const c = counted();
		const first = await answerChangeOnce(await db(), digest, c.save);
		const again = await answerChangeOnce(await db(), digest, c.save);
		expect(first).toEqual({ location: '/made/1', again: false });
		expect(again).toEqual({ location: '/made/1', again: true });
		expect(c.runs()).toBe(1);
	});

	it("answers the lock's refusal with the first location once that is stored", async () => {
		const d = await db();
		const refused = () => Promise.reject(new ConflictError({}));
		// Nothing stored: the refusal stands ("changed meanwhile").
		await expect(answerChangeOnce(d, await digestOf('5'), refused)).rejects.toBeInstanceOf(
			ConflictError
		);
		// The first post stored its answer after this one looked and before its save was
		// refused by the lock: the look again finds it.
		const digest = await digestOf('6');
		const raced = async () => {
			await d.insert(formSubmission).values({ digest: digest!, location: '/saved' });
			throw new ConflictError({});
		};
		expect(await answerChangeOnce(d, digest, raced)).toEqual({ location: '/saved', again: true });
	});

	it('stores nothing for a post that was refused, so the corrected one saves', async () => {
		const digest = await digestOf('7');
		const d = await db();
		await expect(
			answerChangeOnce(d, digest, () => Promise.reject(new FieldError({ x: 'virhe' })))
		).rejects.toBeInstanceOf(FieldError);
		const stored = await d.select().from(formSubmission).where(eq(formSubmission.digest, digest!));
		expect(stored).toEqual([]);
		const c = counted();
		expect(await answerChangeOnce(d, digest, c.save)).toEqual({
			location: '/made/1',
			again: false
		});
	});

	it('saves each time without a digest', async () => {
		const c = counted();
		await answerChangeOnce(await db(), null, c.save);
		await answerChangeOnce(await db(), null, c.save);
		expect(c.runs()).toBe(2);
	});
});
