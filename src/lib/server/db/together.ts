/**
 * Reads started at once inside one transaction: on PostgreSQL their statements go down the
 * transaction's connection back to back (postgres.js pipelines them) instead of one round
 * trip each. Named parts in, the same names out. Like Promise.all, but every part settles
 * before the first failure is thrown, so no statement of the transaction runs after its
 * rollback.
 */
export async function together<T extends Record<string, unknown>>(
	parts: T
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
	const names = Object.keys(parts);
	const values = await togetherAll(Object.values(parts));
	return Object.fromEntries(names.map((name, i) => [name, values[i]])) as {
		[K in keyof T]: Awaited<T[K]>;
	};
}

/** `together` for a list: the results in the order of the parts. */
export async function togetherAll<T>(parts: readonly T[]): Promise<Awaited<T>[]> {
	const results = await Promise.allSettled(parts);
	const failed = results.find((r) => r.status === 'rejected');
	if (failed) throw failed.reason;
	return results.map((r) => (r as PromiseFulfilledResult<Awaited<T>>).value);
}
