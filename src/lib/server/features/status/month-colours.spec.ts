import { inArray, sql } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { describe, expect, it } from 'vitest';
import { childMonthColour, childStatusHistory, monthColourKept } from '../../db/schema';
import type { DbOrTx } from '../../db';
import { db, makeChild, makeOrg, makeStatusChange, makeTeam } from '../../testing/fixtures';
import { keepMonthColours } from './month-colours';

/** Runs `fn` in a transaction that is rolled back: kept months are the whole database's. */
async function rolledBack(fn: (tx: DbOrTx) => Promise<void>) {
	const undo = new Error('roll back');
	await expect(
		(await db()).transaction(async (tx) => fn(tx).then(() => Promise.reject(undo)))
	).rejects.toBe(undo);
}

const colours = async (tx: DbOrTx, childIds: string[]) =>
	(
		await tx
			.select({
				end: childMonthColour.monthEnd,
				childId: childMonthColour.childId,
				colour: childMonthColour.colour
			})
			.from(childMonthColour)
			.where(inArray(childMonthColour.childId, childIds))
	)
		.map((r) => `${r.end} ${r.childId === childIds[0] ? 'A' : 'B'} ${r.colour}`)
		.sort();

async function scene() {
	const team = await makeTeam((await makeOrg('child_protection')).id);
	const a = await makeChild(team.id);
	const b = await makeChild(team.id);
	await makeStatusChange(a.id, { from: null, to: 'green', at: new Date('2026-01-10T09:00:00Z') });
	// 00:30 on 1 March in Helsinki: after February's end.
	await makeStatusChange(a.id, { from: 'green', to: 'red', at: new Date('2026-02-28T22:30:00Z') });
	// 23:30 on 28 February in Helsinki: before it.
	await makeStatusChange(b.id, { from: null, to: 'yellow', at: new Date('2026-02-28T21:30:00Z') });
	return [a.id, b.id];
}

/** The scene's colours kept at the ends of January, February and March. */
const THROUGH_MARCH = [
	'2026-01-31 A green',
	'2026-02-28 A green',
	'2026-02-28 B yellow',
	'2026-03-31 A red',
	'2026-03-31 B yellow'
];

describe('month-end colours (ADR 047)', () => {
	it("keeps each settled month with each child's last colour before the month ended", async () => {
		const ids = await scene();
		await rolledBack(async (tx) => {
			await keepMonthColours(tx, new Date('2026-04-01T12:00:00Z'));
			expect(await colours(tx, ids)).toEqual([
				'2026-01-31 A green',
				'2026-02-28 A green',
				'2026-02-28 B yellow'
			]);
			const kept = (await tx.select({ end: monthColourKept.monthEnd }).from(monthColourKept)).map(
				(r) => r.end
			);
			expect(kept).toContain('2026-02-28');
			// 31 March settles when 1 April is over.
			expect(kept).not.toContain('2026-03-31');

			// Nothing is kept twice; the next day keeps March, and only March.
			expect(await keepMonthColours(tx, new Date('2026-04-01T20:00:00Z'))).toBe(0);
			expect(await keepMonthColours(tx, new Date('2026-04-02T12:00:00Z'))).toBe(1);
			expect(await colours(tx, ids)).toEqual(THROUGH_MARCH);
			const [march] = await tx
				.select({ children: monthColourKept.children })
				.from(monthColourKept)
				.where(sql`${monthColourKept.monthEnd} = '2026-03-31'`);
			expect(march?.children).toBeGreaterThanOrEqual(2);
		});
	});

	it('keeps nothing where no month has settled since the last kept', async () => {
		await rolledBack(async (tx) => {
			const before = await tx.select().from(monthColourKept);
			expect(await keepMonthColours(tx, new Date('1990-01-01T12:00:00Z'))).toBe(0);
			expect(await tx.select().from(monthColourKept)).toEqual(before);
		});
	});

	it('forgets the kept months from the date of a row written in the past, and keeps them anew', async () => {
		const ids = await scene();
		await rolledBack(async (tx) => {
			await keepMonthColours(tx, new Date('2026-04-02T12:00:00Z'));
			// Loaded from elsewhere: B was red from 15 February.
			await tx.insert(childStatusHistory).values({
				childId: ids[1]!,
				fromColour: null,
				toColour: 'red',
				reasons: [],
				trigger: 'import',
				at: new Date('2026-02-15T10:00:00Z')
			});
			const kept = (await tx.select({ end: monthColourKept.monthEnd }).from(monthColourKept)).map(
				(r) => r.end
			);
			expect(kept).toContain('2026-01-31');
			expect(kept).not.toContain('2026-02-28');
			expect(kept).not.toContain('2026-03-31');
			expect(await colours(tx, ids)).toEqual(['2026-01-31 A green']);
			expect(await keepMonthColours(tx, new Date('2026-04-02T12:00:00Z'))).toBe(2);
			expect(await colours(tx, ids)).toEqual(THROUGH_MARCH);
		});
	});
});

/** Two instances' workers at once need two connections: PostgreSQL only. */
describe.skipIf(!process.env.DATABASE_URL)(
	'month-end colours kept at once (PostgreSQL pool)',
	() => {
		it('keeps each month once when two instances keep at the same time', async () => {
			const d = await db();
			const team = await makeTeam((await makeOrg('child_protection')).id);
			const c = await makeChild(team.id);
			// Some 70 days ago: the months since are unkept, so there are at least two to keep.
			const then = new Date(Date.now() - 70 * 24 * 3600 * 1000);
			await makeStatusChange(c.id, { from: null, to: 'red', at: then });
			const kept = async () =>
				new Set(
					(await d.select({ end: monthColourKept.monthEnd }).from(monthColourKept)).map(
						(r) => r.end
					)
				);
			const before = await kept();
			const counts = await Promise.all([keepMonthColours(d), keepMonthColours(d)]);
			const added = [...(await kept())].filter((end) => !before.has(end)).sort();
			// Each month by one of them, the child's among them.
			expect(counts[0] + counts[1]).toBe(added.length);
			const since = helsinkiDate(then);
			const childs = added.filter((end) => end >= since);
			expect(childs.length).toBeGreaterThanOrEqual(2);
			const rows = await d
				.select()
				.from(childMonthColour)
				.where(inArray(childMonthColour.childId, [c.id]));
			expect(rows.map((r) => r.monthEnd).sort()).toEqual(childs);
			expect(rows.every((r) => r.colour === 'red')).toBe(true);
		});
	}
);
