import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * `column = any($1::uuid[])`: the ids as one array parameter, where `inArray` writes one
 * parameter per id. The statement's text is then the same however many ids there are, so
 * a prepared statement serves every page instead of one per count (ADR 049). The array
 * goes as PostgreSQL's own literal, `{a,b}`, which every driver passes as it is; it is a
 * bound parameter, so anything but uuids in it fails the cast and reads nothing.
 */
export function anyId(column: AnyPgColumn, ids: readonly string[]): SQL {
	return sql`${column} = any(${`{${ids.join(',')}}`}::uuid[])`;
}
