import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb, rowsOf } from '.';

/**
 * A database migrated in one month and opened in a later one (a restored backup, the
 * tests' cached copy, an instance started after a long pause) has that month's access-log
 * partitions and the next two's: nothing depends on the month it was made in.
 */
describe('a database opened in a later month', () => {
	afterAll(async () => {
		vi.useRealTimers();
		// The next file in this worker opens its own handle at today's date again.
		await closeDb();
	});

	it('gets the log partitions of the month it is opened in', async () => {
		await closeDb();
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2027-03-15T10:00:00Z'));
		const d = await getDb();
		for (const name of ['access_log_2027_03', 'access_log_2027_04', 'access_log_2027_05']) {
			const [row] = rowsOf<{ t: string | null }>(
				await d.execute(sql`select to_regclass(${name})::text as t`)
			);
			expect(row?.t).toBe(name);
		}
	});
});
