import { describe, expect, it } from 'vitest';
import { attack, recovered, type Relation } from './disclosure';
import { protect, protectAcross, type Grid, type Shown, type Value } from './reports';

/** A small, seeded generator: each seed is a fixed data set, so a failure can be rerun. */
function random(seed: number) {
	let s = seed >>> 0 || 1;
	return () => {
		s ^= s << 13;
		s ^= s >>> 17;
		s ^= s << 5;
		return (s >>> 0) / 2 ** 32;
	};
}

/**
 * A table like the reports' (rows of months, a total column and its parts, a total row),
 * filled with mostly small counts.
 */
function table(seed: number) {
	const next = random(seed);
	const parts = 2 + Math.floor(next() * 3);
	const months = 1 + Math.floor(next() * 6);
	return tableOf(
		Array.from({ length: months }, () =>
			Array.from({ length: parts }, () => Math.floor(next() ** 2 * 10))
		)
	);
}

/** Months × parts of counts as a report's table: a total column, a total row, their sums. */
function tableOf(counts: number[][]): Grid {
	const months = counts.length;
	const parts = counts[0]!.length;
	const rows = counts.map((ps) => [ps.reduce((a, b) => a + b, 0), ...ps]);
	rows.push(rows[0]!.map((_, c) => rows.reduce((a, row) => a + row[c]!, 0)));
	return {
		rows: rows.map((row) => row.map((n): Value => ({ kind: 'count', n }))),
		sums: [
			...rows.map((_, r) => ({
				total: [r, 0] as [number, number],
				parts: Array.from({ length: parts }, (_, p) => [r, p + 1] as [number, number])
			})),
			...rows[0]!.map((_, c) => ({
				total: [months, c] as [number, number],
				parts: Array.from({ length: months }, (_, r) => [r, c] as [number, number])
			}))
		]
	};
}

function read(grid: Grid, shown: Shown[][]) {
	const id = ([r, c]: [number, number]) => `${r}:${c}`;
	const truth = new Map<string, number>();
	const published = new Map<string, Shown>();
	grid.rows.forEach((row, r) =>
		row.forEach((v, c) => {
			if (v.kind !== 'count') return;
			truth.set(id([r, c]), v.n);
			published.set(id([r, c]), shown[r]![c]!);
		})
	);
	const relations: Relation[] = (grid.sums ?? []).map((s) => ({
		total: id(s.total),
		parts: s.parts.map(id)
	}));
	return { truth, published, relations };
}

/** The rule before rounding: 1–4 as "< 5", one hidden part per sum, the rest exact. */
function exactBeyondSmall(g: Grid): Shown[][] {
	return protect(g).map((row, r) =>
		row.map((s, c) => {
			const v = g.rows[r]![c]!;
			return s.kind === 'number' && v.kind === 'count' ? { ...s, n: v.n } : s;
		})
	);
}

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);

describe('one table against a spreadsheet attacker (§8 revised)', () => {
	it('gives small counts away when the numbers beside them are exact: the attacker works', () => {
		const hits = SEEDS.flatMap((seed) => {
			const g = table(seed);
			const v = read(g, exactBeyondSmall(g));
			return recovered(v.truth, attack(v.published, v.relations, 'exact'));
		});
		expect(hits.length).toBeGreaterThan(0);
	});

	it('lets no count of 1–4 be recovered from a protected table, rows and columns together', () => {
		for (const seed of SEEDS) {
			const g = table(seed);
			const v = read(g, protect(g));
			const hits = recovered(v.truth, attack(v.published, v.relations, 'rounded'));
			expect({ seed, hits }).toEqual({ seed, hits: [] });
		}
	});

	it('shows only multiples of five beside "< 5" and "..": no sum or difference is 1–4', () => {
		for (const seed of SEEDS) {
			const shown = protect(table(seed)).flat();
			expect(shown.filter((s) => s.kind === 'number' && s.n % 5 !== 0)).toEqual([]);
		}
	});
});

/**
 * A cube like a region's: three teams, each a table of months × parts with their totals,
 * and the same table for all teams, each of its counts the sum of the teams'. Counts of
 * 0–3, so nearly every count is one to protect.
 */
function cube(seed: number) {
	const next = random(seed);
	const parts = 2 + Math.floor(next() * 2);
	const months = 1 + Math.floor(next() * 3);
	const teamCounts = [0, 1, 2].map(() =>
		Array.from({ length: months }, () =>
			Array.from({ length: parts }, () => Math.floor(next() * 4))
		)
	);
	const all = teamCounts[0]!.map((row, r) =>
		row.map((_, p) => teamCounts.reduce((a, t) => a + t[r]![p]!, 0))
	);
	return { teams: teamCounts.map(tableOf), all: tableOf(all) };
}

/** Every view of a cube as the attacker reads it: each table's sums and all = Σ teams. */
function readCube(c: ReturnType<typeof cube>, shown: { teams: Shown[][][]; all: Shown[][] }) {
	const truth = new Map<string, number>();
	const published = new Map<string, Shown>();
	const relations: Relation[] = [];
	const blocks = [
		...c.teams.map((g, k) => [`t${k}`, g, shown.teams[k]!] as const),
		['all', c.all, shown.all] as const
	];
	for (const [name, g, s] of blocks) {
		const v = read(g, s);
		for (const [id, n] of v.truth) truth.set(`${name}|${id}`, n);
		for (const [id, p] of v.published) published.set(`${name}|${id}`, p);
		for (const rel of v.relations)
			relations.push({
				total: `${name}|${rel.total}`,
				parts: rel.parts.map((p) => `${name}|${p}`)
			});
	}
	for (const id of read(c.all, shown.all).truth.keys())
		relations.push({ total: `all|${id}`, parts: c.teams.map((_, k) => `t${k}|${id}`) });
	return { truth, published, relations };
}

const CUBES = Array.from({ length: 100 }, (_, i) => i + 1);

describe('all teams against each team: one cube, one decision (ADR 033)', () => {
	it('gives small counts away when each view is protected on its own: the attack is real', () => {
		let pinned = 0;
		for (const seed of CUBES) {
			const c = cube(seed);
			const v = readCube(c, { teams: c.teams.map(protect), all: protect(c.all) });
			pinned += recovered(v.truth, attack(v.published, v.relations, 'rounded')).length;
		}
		expect(pinned).toBeGreaterThan(0);
	});

	it('lets no count of 1–4 be recovered when the teams and their sum are protected together', () => {
		for (const seed of CUBES) {
			const c = cube(seed);
			const v = readCube(c, protectAcross(c.teams, c.all, true));
			const hits = recovered(v.truth, attack(v.published, v.relations, 'rounded'));
			expect({ seed, hits }).toEqual({ seed, hits: [] });
		}
	});

	it('gives each team and the sum the same cells as one protected table would', () => {
		const c = cube(7);
		const { teams, all } = protectAcross(c.teams, c.all, true);
		expect(teams).toHaveLength(3);
		expect(all).toHaveLength(c.all.rows.length);
		expect([...teams.flat(2), ...all.flat()].filter((s) => s.kind === 'number' && s.n % 5)).toEqual(
			[]
		);
	});

	it('refuses tables of different shapes', () => {
		const c = cube(3);
		const short = { ...c.all, rows: c.all.rows.slice(1) };
		expect(() => protectAcross([short], c.all, true)).toThrow(/shapes/);
	});
});
