import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from '../../hooks.server';
import { organisation } from './db/schema';
import { errorFacts } from './log';
import { db, uniq } from './testing/fixtures';

/** Everything written to stdout and stderr while `fn` runs. */
async function captureOutput(fn: () => unknown): Promise<string> {
	let out = '';
	const grab = (chunk: unknown) => {
		out += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString();
		return true;
	};
	const so = vi.spyOn(process.stdout, 'write').mockImplementation(grab);
	const se = vi.spyOn(process.stderr, 'write').mockImplementation(grab);
	const ce = vi.spyOn(console, 'error').mockImplementation((...a) => grab(a.join(' ')));
	try {
		await fn();
	} finally {
		so.mockRestore();
		se.mockRestore();
		ce.mockRestore();
	}
	return out;
}

function fakeEvent(routeId: string) {
	return {
		locals: { requestId: `req-${uniq()}`, user: null, session: null },
		request: new Request('http://localhost/x', { method: 'POST' }),
		route: { id: routeId }
	};
}

async function failing(fn: () => Promise<unknown>): Promise<unknown> {
	try {
		await fn();
	} catch (e) {
		return e;
	}
	throw new Error('expected the query to fail');
}

afterEach(() => vi.restoreAllMocks());

describe('server log', () => {
	it('a database error with personal data in its values logs facts only', async () => {
		const d = await db();
		const marker = `Aino-Mäkinen-${uniq()}`;
		// A unique violation: the driver's message and Drizzle's "params:" both quote the value.
		await d.insert(organisation).values({ name: marker, kind: 'school' });
		const err = await failing(() =>
			d.insert(organisation).values({ name: marker, kind: 'school' })
		);
		expect(String((err as Error).message) + String((err as Error).stack)).toContain(marker);

		const event = fakeEvent('/admin/organisations/new');
		const out = await captureOutput(() =>
			handleError({ error: err, event, status: 500, message: 'Internal Error' } as never)
		);
		expect(out).not.toContain(marker);
		const line = JSON.parse(out.trim().split('\n').at(-1)!);
		expect(line).toMatchObject({
			level: 50,
			requestId: event.locals.requestId,
			route: '/admin/organisations/new',
			err: { sqlState: '23505', constraint: 'organisation_name_unique' }
		});
	});

	it('an invalid value echoed by PostgreSQL never reaches the log', async () => {
		const d = await db();
		const marker = `2017-02-30-${uniq()}`;
		const err = await failing(() => d.execute(sql`select ${marker}::date`));
		const out = await captureOutput(() =>
			handleError({ error: err, event: fakeEvent('/x'), status: 500, message: '' } as never)
		);
		expect(out).not.toContain(marker);
		expect(JSON.parse(out.trim().split('\n').at(-1)!).err.sqlState).toMatch(/^[0-9A-Z]{5}$/);
	});

	it('an error whose message spans lines keeps none of them', () => {
		const e = new Error('first line\nparams: Aino,Mäkinen,2017-02-30\n    at fake (x.js:1:1)');
		const facts = errorFacts(e);
		expect(JSON.stringify(facts)).not.toContain('Aino');
		expect(facts.name).toBe('Error');
	});
});
