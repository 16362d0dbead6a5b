import { beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeTeam, makeUser } from '$lib/server/testing/fixtures';
import { callAs, logRows } from '$lib/server/testing/routes';
import * as page from './+page.server';
import * as thl from './thl/+page.server';
import * as csv from './csv/+server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/** The reports (§8) through their routes: who reads them, and what a refusal leaves behind. */
const u: Record<string, string> = {};
let teamId: string;
let otherTeamId: string;

beforeAll(async () => {
	const cp = await makeOrg('child_protection');
	teamId = (await makeTeam(cp.id)).id;
	otherTeamId = (await makeTeam((await makeOrg('child_protection')).id)).id;
	for (const role of ['coordinator', 'consultant_social_worker', 'social_worker'] as const)
		u[role] = (await makeUser(role, { organisationId: cp.id, teamId })).user.id;
	u.manager = (await makeUser('region_manager', { organisationId: cp.id })).user.id;
	u.partner = (await makeUser('partner')).user.id;
	u.admin = (await makeUser('admin')).user.id;
});

const call = (who: string, fn: (e: any) => unknown, url = 'http://localhost/reports') =>
	callAs(u[who]!, fn, { url });

describe('/reports', () => {
	it.each(['coordinator', 'consultant_social_worker', 'manager'])(
		'%s reads the figures',
		async (who) => {
			const r = await call(who, page.load as any);
			expect(r.status).toBe(200);
			// Every figure but THL's, the families' experience (issue 36) among them.
			expect(r.value.report.figures).toHaveLength(13);
			expect(await logRows(r.requestId)).toEqual([
				expect.objectContaining({ outcome: 'allowed', action: 'aggregate', child_id: null })
			]);
		}
	);

	it.each(['social_worker', 'partner', 'admin'])(
		'%s is refused, and the refusal logged',
		async (who) => {
			const r = await call(who, page.load as any);
			expect(r.status).toBe(403);
			expect((await logRows(r.requestId)).map((x) => x.outcome)).toEqual(['denied']);
		}
	);

	it('answers 404 for another organisation’s team, logged as denied', async () => {
		const r = await call(
			'manager',
			page.load as any,
			`http://localhost/reports?team=${otherTeamId}`
		);
		expect(r.status).toBe(404);
		expect(await logRows(r.requestId)).toEqual([
			expect.objectContaining({ outcome: 'denied', action: 'aggregate' })
		]);
	});

	it('across the team boundary, only whole ended quarters: a custom range, a month or a half-year is refused, nothing read', async () => {
		const month = new Date().toISOString().slice(0, 7);
		for (const url of [
			'http://localhost/reports?period=custom&from=2026-01-01&to=2026-11-25',
			`http://localhost/reports?period=month:${month}-01`,
			'http://localhost/reports?period=month:2026-03-01',
			'http://localhost/reports?period=half_year:2026-04-01'
		]) {
			const r = await call('manager', page.load as any, url);
			expect(r.status).toBe(200);
			expect(r.value.report).toBeNull();
			expect(Object.keys(r.value.errors)).toEqual(['period']);
			expect(await logRows(r.requestId)).toEqual([]);
			expect(r.value.choices.wholeOnly).toBe(true);
		}
		// The CSV is refused the same way (400), reading nothing.
		const file = await call(
			'manager',
			csv.GET as any,
			'http://localhost/reports/csv?figure=children&period=custom&from=2026-01-01&to=2026-11-25'
		);
		expect(file.status).toBe(400);
		// The team's own coordinator reads a custom range exactly.
		const own = await call(
			'coordinator',
			page.load as any,
			'http://localhost/reports?period=custom&from=2026-01-01&to=2026-11-25'
		);
		expect(own.value.report).not.toBeNull();
		expect(own.value.choices.wholeOnly).toBe(false);
	});

	it('across the team boundary, no narrowing to one kind of partner: refused in words, nothing read', async () => {
		const url = 'http://localhost/reports?period=quarter:2026-04-01&partner=school';
		const r = await call('manager', page.load as any, url);
		expect(r.value.report).toBeNull();
		expect(Object.keys(r.value.errors)).toEqual(['partner']);
		expect(await logRows(r.requestId)).toEqual([]);
		// The same quarter without the narrowing is read, rounded, and says so.
		const whole = await call('manager', page.load as any, url.replace('&partner=school', ''));
		expect(whole.value.report.exact).toBe(false);
		// The team's own coordinator may narrow.
		const own = await call('coordinator', page.load as any, url);
		expect(own.value.report.exact).toBe(true);
	});

	it('refuses a bad filter in words and reads nothing', async () => {
		const r = await call(
			'coordinator',
			page.load as any,
			'http://localhost/reports?period=custom&from=2026-03-01&to=2026-02-01&team=nope'
		);
		expect(r.status).toBe(200);
		expect(r.value.report).toBeNull();
		expect(Object.keys(r.value.errors)).toEqual(['team']);
		expect(await logRows(r.requestId)).toEqual([]);
	});
});

describe('/reports/thl and the CSV', () => {
	it('gives the consultant, who sends it, the THL half-year and a CSV of it', async () => {
		const r = await call(
			'consultant_social_worker',
			thl.load as any,
			'http://localhost/reports/thl'
		);
		expect(r.status).toBe(200);
		expect(r.value.report.figure.rows).toHaveLength(11);
		const fileOf = async () =>
			(
				await call(
					'consultant_social_worker',
					csv.GET as any,
					`http://localhost/reports/csv?figure=thl&team=${teamId}`
				)
			).value as Response;
		const response = await fileOf();
		expect(response.headers.get('content-type')).toContain('text/csv');
		const text = await response.text();
		expect(text.split('\n')[0]).toContain('Määrä');
		expect(text).toContain('7 arkipäivässä');
		// For a Finnish spreadsheet: a byte-order mark (ä and ö read right) and ";" between cells.
		const bytes = new Uint8Array(await (await fileOf()).arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(text.split('\n')[0]).toMatch(/^[^,]*;[^,]*$/);
		// For machines: commas, no mark, rows by their keys, numbers without units.
		const plainBytes = new Uint8Array(
			await (
				(
					await call(
						'consultant_social_worker',
						csv.GET as any,
						`http://localhost/reports/csv?figure=thl&team=${teamId}&format=plain`
					)
				).value as Response
			).arrayBuffer()
		);
		expect(plainBytes[0]).not.toBe(0xef);
		const plain = new TextDecoder().decode(plainBytes);
		expect(plain.split('\n')[1]).toMatch(/^contacts,\d+$/);
	});

	it('refuses the coordinator the THL return (not its sender), page and CSV, logged', async () => {
		const r = await call('coordinator', thl.load as any, 'http://localhost/reports/thl');
		expect(r.status).toBe(403);
		expect((await logRows(r.requestId)).map((x) => x.outcome)).toEqual(['denied']);
		expect(
			(
				await call(
					'coordinator',
					csv.GET as any,
					`http://localhost/reports/csv?figure=thl&team=${teamId}`
				)
			).status
		).toBe(403);
	});

	it('refuses a partner the CSV, and an unknown figure with a 400', async () => {
		expect(
			(await call('partner', csv.GET as any, 'http://localhost/reports/csv?figure=thl')).status
		).toBe(403);
		expect(
			(await call('coordinator', csv.GET as any, 'http://localhost/reports/csv?figure=children'))
				.status
		).toBe(400);
	});
});
