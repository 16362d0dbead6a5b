import { beforeAll, describe, expect, it } from 'vitest';
import { attack, recovered, type Relation } from '../../../domain/disclosure';
import { ADDITIVE_OVER_TEAMS, type ShownFigure } from '../../../domain/report-figures';
import { periodOf, protect, type Grid, type Shown } from '../../../domain/reports';
import {
	db,
	makeChild,
	makeFlag,
	makeOrg,
	makeStatusChange,
	makeTeam,
	makeUser,
	staffOf
} from '../../testing/fixtures';
import { readReport } from './reports';

/**
 * The differencing attack of §8 (revised) tried on a fixed data set: the region's
 * management reads every view it may ask for (each team and all teams, every quarter with
 * data) and combines them through the sums that tie them together (all teams = the sum of
 * the teams, a total = its parts). Read on 3 December 2026.
 */
const NOW = new Date('2026-12-03T10:00:00Z');
const QUARTERS = ['2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01'].map((d) =>
	periodOf('quarter', d)
);
/** The figures that add up over teams (the reports' own list, proved to hold below). */
const ADDITIVE = [...ADDITIVE_OVER_TEAMS];

let managerId = '';
let organisationId = '';
let teamIds: string[] = [];

/**
 * Flags raised in the first quarter of 2026: 2 in the north team, 6 in the south, 5 in the
 * east, 13 in all. Exact 13, 6 and 5 would give the north's 2 away; colours and overrides
 * spread over the quarters with counts of every size.
 */
beforeAll(async () => {
	const org = await makeOrg('child_protection');
	organisationId = org.id;
	const teams = [await makeTeam(org.id), await makeTeam(org.id), await makeTeam(org.id)];
	teamIds = teams.map((t) => t.id);
	managerId = (await makeUser('region_manager', { organisationId: org.id })).user.id;
	const plan = [
		{ flags: 2, reds: 1, overrides: 3, days: [5, 40, 100, 200] },
		{ flags: 6, reds: 4, overrides: 7, days: [10, 20, 30, 130, 140, 250] },
		{ flags: 5, reds: 2, overrides: 1, days: [15, 95, 99, 180, 185] }
	];
	for (const [i, p] of plan.entries()) {
		for (let k = 0; k < p.flags; k++) {
			const c = await makeChild(teams[i]!.id, { phase: 'client' });
			await makeFlag(c.id, {
				trigger: k < p.reds ? 'turned_red' : 'disagreement',
				raisedAt: new Date(Date.UTC(2026, 0, 5 + 7 * k, 9)),
				dueOn: '2026-03-31'
			});
		}
		for (const [k, day] of p.days.entries()) {
			const c = await makeChild(teams[i]!.id, { phase: 'client' });
			const at = new Date(Date.UTC(2025, 9, 1) + day * 86_400_000);
			const colour = (['green', 'yellow', 'red'] as const)[k % 3]!;
			await makeStatusChange(c.id, { from: null, to: colour, at });
			if (k < p.overrides)
				// Raised to red, or lowered from red.
				await makeStatusChange(c.id, {
					from: colour,
					to: k % 3 === 2 ? 'green' : 'red',
					trigger: 'override',
					at: new Date(at.getTime() + 3_600_000)
				});
		}
		// And one that keeps the colour (confirmed until its review): it has no direction, and
		// the sums must still hold.
		const kept = await makeChild(teams[i]!.id, { phase: 'client' });
		const keptAt = new Date(Date.UTC(2026, 1, 10 + i, 9));
		await makeStatusChange(kept.id, { from: null, to: 'yellow', at: keptAt });
		await makeStatusChange(kept.id, {
			from: 'yellow',
			to: 'yellow',
			trigger: 'override',
			at: new Date(keptAt.getTime() + 3_600_000)
		});
	}
});

/** Each view's grid, and the cells the report feature shows of it. */
type Views = { grids: Map<string, Grid>; shown: Map<string, Shown[][]>; relations: Relation[] };

/** Every view the region's management may read, as grids, and the sums between them. */
async function views(): Promise<Views> {
	const viewer = await staffOf(managerId);
	const grids = new Map<string, Grid>();
	const shown = new Map<string, Shown[][]>();
	const relations: Relation[] = [];
	for (const period of QUARTERS) {
		const byTeam = new Map<string, ShownFigure[]>();
		for (const teamId of [...teamIds, null]) {
			const { figures, exact } = await readReport(
				await db(),
				viewer,
				{ teamId, period, partnerKind: null },
				ADDITIVE,
				NOW
			);
			expect(exact).toBe(false);
			byTeam.set(teamId ?? 'all', figures);
		}
		for (const [t, figures] of byTeam)
			for (const f of figures) {
				const key = `${t}|${period.from}|${f.key}`;
				grids.set(key, f.grid);
				shown.set(key, f.shown);
				for (const s of f.grid.sums ?? [])
					relations.push({
						total: `${key}|${s.total.join(':')}`,
						parts: s.parts.map((c) => `${key}|${c.join(':')}`)
					});
				if (t !== 'all') continue;
				f.grid.rows.forEach((row, r) =>
					row.forEach((v, c) => {
						if (v.kind !== 'count') return;
						const cell = `${period.from}|${f.key}|${r}:${c}`;
						relations.push({ total: `all|${cell}`, parts: teamIds.map((id) => `${id}|${cell}`) });
					})
				);
			}
	}
	return { grids, shown, relations };
}

/** Every view as published: as the feature shows it, or as `show` would. */
function publish(v: Views, show?: (g: Grid) => Shown[][]) {
	const truth = new Map<string, number>();
	const published = new Map<string, Shown>();
	for (const [key, grid] of v.grids) {
		const shown = show ? show(grid) : v.shown.get(key)!;
		grid.rows.forEach((row, r) =>
			row.forEach((value, c) => {
				if (value.kind !== 'count') return;
				truth.set(`${key}|${r}:${c}`, value.n);
				published.set(`${key}|${r}:${c}`, shown[r]![c]!);
			})
		);
	}
	return { truth, published };
}

describe('differencing the region’s reports (§8 revised)', () => {
	let v: Views;
	beforeAll(async () => {
		v = await views();
	});

	it('reads sums that hold: all teams is the sum of the teams, a total of its parts', () => {
		const { truth } = publish(v);
		const broken = v.relations.filter(
			(rel) => truth.get(rel.total) !== rel.parts.reduce((a, p) => a + truth.get(p)!, 0)
		);
		expect(broken.map((rel) => rel.total)).toEqual([]);
		// The data set has small counts to protect, in one team's view and across teams.
		expect([...truth.values()].filter((n) => n >= 1 && n <= 4).length).toBeGreaterThan(20);
	});

	it('reads each team in one statement for all teams as it reads the team alone', async () => {
		// A coordinator of each team reads its figures exactly, each by the team's own
		// statements; the region's read took the same teams in one statement per query.
		for (const [i, teamId] of teamIds.entries()) {
			const coordinator = await makeUser('coordinator', { organisationId, teamId });
			const own = await readReport(
				await db(),
				await staffOf(coordinator.user.id),
				{ teamId, period: QUARTERS[1]!, partnerKind: null },
				ADDITIVE,
				NOW
			);
			expect(own.exact).toBe(true);
			for (const f of own.figures)
				expect({
					i,
					key: f.key,
					grid: v.grids.get(`${teamId}|${QUARTERS[1]!.from}|${f.key}`)
				}).toEqual({
					i,
					key: f.key,
					grid: f.grid
				});
		}
	});

	it('gives small counts away when the other numbers are exact: the attack is real', () => {
		const exactBeyondSmall = (g: Grid) =>
			protect(g).map((row, r) =>
				row.map((s, c) => {
					const value = g.rows[r]![c]!;
					return s.kind === 'number' && value.kind === 'count' ? { ...s, n: value.n } : s;
				})
			);
		const { truth, published } = publish(v, exactBeyondSmall);
		const hits = recovered(truth, attack(published, v.relations, 'exact'));
		// The north team's 2 flags of the first quarter of 2026, among others.
		expect(hits.some((id) => id.startsWith(`${teamIds[0]}|2026-01-01|flags|`))).toBe(true);
	});

	it('shows across the boundary only 0, "< 5", ".." or multiples of five: no difference is 1–4', () => {
		const { published } = publish(v);
		const odd = [...published].filter(([, s]) => s.kind === 'number' && s.n % 5 !== 0);
		expect(odd).toEqual([]);
	});

	it('lets no count of 1–4 be recovered from all the views together', () => {
		const { truth, published } = publish(v);
		expect(recovered(truth, attack(published, v.relations, 'rounded'))).toEqual([]);
	});
});
