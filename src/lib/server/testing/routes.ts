import { isHttpError, isRedirect } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db';
import { db, eventFor } from './fixtures';

export { rowsOf };

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/** What a load or action answered: a status, and the redirect target or the value. */
export async function outcome(fn: () => unknown) {
	try {
		const v: unknown = await fn();
		if (v && typeof v === 'object' && 'status' in v && 'data' in v)
			// The specs read into an action's answer freely: `any` on purpose.
			return { status: v.status as number, data: v.data as any }; // eslint-disable-line @typescript-eslint/no-unsafe-assignment
		return { status: 200, value: v as any }; // eslint-disable-line @typescript-eslint/no-unsafe-assignment
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location };
		if (isHttpError(e)) return { status: e.status };
		throw e;
	}
}

/**
 * Calls a load or action as the user given, with the event's options; the outcome and the
 * request id, so a spec can read what the call logged.
 */
export async function callAs(
	userId: string,
	fn: (event: any) => unknown,
	opts: Parameters<typeof eventFor>[1] = {}
) {
	const event = await eventFor(userId, opts);
	return { ...(await outcome(() => fn(event))), requestId: event.locals.requestId };
}

/** The access-log rows written under one request id. */
export async function logRows(requestId: string) {
	const d = await db();
	const res = await d.execute(
		sql`select outcome, action, entity_type, child_id, basis from access_log where request_id = ${requestId}`
	);
	return rowsOf<{
		outcome: string;
		action: string;
		entity_type: string;
		child_id: string | null;
		basis: string | null;
	}>(res);
}

/** The SQL state of a database error, whether the driver's or wrapped by Drizzle. */
export function sqlState(e: unknown): string | undefined {
	const err = e as { code?: unknown; cause?: { code?: unknown } } | null;
	const code = err?.cause?.code ?? err?.code;
	return typeof code === 'string' ? code : undefined;
}

/**
 * A browser's cookies for the app, shared by the requests of one round trip (a sign-in's
 * start and its callback): `jar` shows what the app set.
 */
export function appCookies() {
	const jar = new Map<string, string>();
	return {
		jar,
		get: (n: string) => jar.get(n),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (n: string, v: string) => void jar.set(n, v),
		delete: (n: string) => void jar.delete(n),
		serialize: () => ''
	};
}
