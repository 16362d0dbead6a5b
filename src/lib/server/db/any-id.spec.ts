import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '.';
import { anyId } from './any-id';
import { organisation } from './schema';
import { makeOrg } from '../testing/fixtures';

describe('anyId', () => {
	it('matches the ids given, none when none, with one parameter however many', async () => {
		const d = await getDb();
		const [a, b, c] = [await makeOrg(), await makeOrg(), await makeOrg()];
		const read = (ids: string[]) =>
			d
				.select({ id: organisation.id })
				.from(organisation)
				.where(anyId(organisation.id, ids))
				.then((rows) => rows.map((r) => r.id).sort());
		expect(await read([a.id, c.id])).toEqual([a.id, c.id].sort());
		expect(await read([b.id])).toEqual([b.id]);
		expect(await read([])).toEqual([]);
		const one = d
			.select()
			.from(organisation)
			.where(anyId(organisation.id, [a.id]))
			.toSQL();
		const three = d
			.select()
			.from(organisation)
			.where(anyId(organisation.id, [a.id, b.id, c.id]))
			.toSQL();
		expect(three.sql).toBe(one.sql);
		expect(three.params).toEqual([`{${a.id},${b.id},${c.id}}`]);
		// Not a way in: a value that is not an id is refused by the cast, never read as SQL.
		await expect(read([`${a.id}}') or true --`])).rejects.toThrow();
		// Beside other conditions it is one condition like any other.
		const named = await d
			.select({ id: organisation.id })
			.from(organisation)
			.where(and(eq(organisation.name, 'ei ketään'), anyId(organisation.id, [a.id])));
		expect(named).toEqual([]);
	});
});
