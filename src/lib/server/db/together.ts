/**
 * Reads started at once inside one transaction: on PostgreSQL their statements go down the
 * transaction's connection back to back (postgres.js pipelines them) instead of one round
 * trip each. Like Promise.all, but every part settles before the first failure is thrown,
 * so no statement of the transaction runs after its rollback.
 */
export async function together<T extends readonly unknown[]>(
	parts: T
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
	const results = await Promise.allSettled(parts);
	const failed = results.find((r) => r.status === 'rejected');
	if (failed) throw failed.reason;
	return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as {
		-readonly [K in keyof T]: Awaited<T[K]>;
	};
}
