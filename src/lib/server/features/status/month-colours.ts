import { desc, eq, sql } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { settledMonthEnds } from '../../../domain/reports';
import { addDays } from '../../../domain/working-days';
import { rowsOf, type DbOrTx } from '../../db';
import { monthColourKept } from '../../db/schema';

/**
 * Keeps each child's colour at the end of every month that has settled (ADR 047), oldest
 * first, one month per transaction, and returns how many months it kept. A month is kept
 * once: its history cannot change after it (rows are written at the moment of the change),
 * so its colours are read from here from then on. Instances may run this at once: the
 * advisory lock lets one keep a month while the other waits and then finds it kept.
 */
export async function keepMonthColours(db: DbOrTx, now = new Date()): Promise<number> {
	const [last] = await db
		.select({ end: monthColourKept.monthEnd })
		.from(monthColourKept)
		.orderBy(desc(monthColourKept.monthEnd))
		.limit(1);
	// Months are kept in order and never skipped, so the one after the last kept is next;
	// before the first, the history's first month (its index on time).
	const first = last
		? addDays(last.end, 1)
		: rowsOf<{ first: string | null }>(
				await db.execute(sql`select (min(at) at time zone 'Europe/Helsinki')::date::text as first
					from child_status_history`)
			)[0]?.first;
	if (!first) return 0;
	let kept = 0;
	for (const end of settledMonthEnds(first, helsinkiDate(now)))
		if (await db.transaction((tx) => keepMonth(tx, end))) kept++;
	return kept;
}

/**
 * Keeps the colours at one month end in the caller's transaction, unless they are kept
 * already; true if this call kept them. The caller answers for the month having settled.
 */
export async function keepMonth(tx: DbOrTx, end: string): Promise<boolean> {
	// The same key as the trigger that unkeeps months (migration 0038).
	await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('month-colours', 0))`);
	const [done] = await tx
		.select({ end: monthColourKept.monthEnd })
		.from(monthColourKept)
		.where(eq(monthColourKept.monthEnd, end));
	if (done) return false;
	await tx.execute(sql`insert into child_month_colour (month_end, child_id, colour)
		select ${end}::date, c.id, x.colour from child c cross join lateral (
			select h.to_colour as colour from child_status_history h
			where h.child_id = c.id
				and h.at < ((${end}::date + 1)::timestamp at time zone 'Europe/Helsinki')
			order by h.at desc, h.seq desc limit 1
		) x`);
	await tx.insert(monthColourKept).values({
		monthEnd: end,
		children: sql`(select count(*) from child_month_colour where month_end = ${end}::date)`
	});
	return true;
}
