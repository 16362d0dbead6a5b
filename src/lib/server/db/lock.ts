import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource, SelectedFields } from 'drizzle-orm/pg-core';
import { ConflictError, NotFoundError } from '../errors';
import type { DbOrTx } from '.';

/**
 * Optimistic locking, written once (ADR 018). A form carries the version it was rendered
 * with; an edit based on an older one is refused with the newer data, nothing overwritten.
 */

type Versioned = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * The next version of a row being written, in the statement itself: every write of a
 * versioned row goes through here or `updateVersioned`, so a form rendered from the older
 * version is refused (ConflictError), never applied over this write.
 */
export const nextVersion = (table: { version: PgColumn }) => sql<number>`${table.version} + 1`;

/**
 * A conditional update: `values` are written, the version bumped and `updatedAt` set only
 * if the row still has `version`. Otherwise NotFoundError, or ConflictError carrying the
 * current row (only `conflictFields`, when given: e.g. never a password hash).
 */
export async function updateVersioned<T extends Versioned>(
	tx: DbOrTx,
	table: T,
	id: string,
	version: number,
	values: PgUpdateSetSource<T>,
	opts: { now?: Date; conflictFields?: SelectedFields } = {}
): Promise<T['$inferSelect']> {
	const set = { ...values, version: nextVersion(table), updatedAt: opts.now ?? new Date() };
	const [row] = (await tx
		.update(table)
		.set(set as PgUpdateSetSource<T>)
		.where(and(eq(table.id, id), eq(table.version, version)))
		.returning()) as T['$inferSelect'][];
	if (row) return row;
	const read = opts.conflictFields ? tx.select(opts.conflictFields) : tx.select();
	// The casts to PgTable are needed by tsc (a generic table), though the linter's view disagrees.
	// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
	const [current] = (await read.from(table as PgTable).where(eq(table.id, id))) as unknown[];
	if (!current) throw new NotFoundError();
	throw new ConflictError(current);
}

/**
 * Pessimistic lock for state machines: the row is locked until the transaction ends
 * (`FOR UPDATE`), then the version is checked when the form sent one.
 */
export async function lockForEdit<T extends PgTable & { version: PgColumn }>(
	tx: DbOrTx,
	table: T,
	where: SQL | undefined,
	version?: number
): Promise<T['$inferSelect']> {
	const [row] = (await tx
		.select()
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- see above
		.from(table as PgTable)
		.where(where)
		.for('update')) as (T['$inferSelect'] & { version: number })[];
	if (!row) throw new NotFoundError();
	if (version !== undefined && row.version !== version) throw new ConflictError(row);
	return row;
}
