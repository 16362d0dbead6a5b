import { describe, expect, it } from 'vitest';
import {
	attack,
	recovered,
	type Published,
	type Range,
	type Relation,
	type Reading,
	rangeOf
} from './disclosure';
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

	it('leaves out a sum that does not hold instead of reasoning from it', () => {
		const grid = tableOf([
			[20, 3, 20],
			[20, 20, 20],
			[30, 30, 30]
		]);
		// Claims a 30 is the "< 5" and another 30 together: it is not, and trusting it would
		// close one of the 30s, which the true sums leave open.
		const broken: Grid = {
			...grid,
			sums: [
				...grid.sums!,
				{
					total: [2, 1],
					parts: [
						[0, 2],
						[2, 3]
					]
				}
			]
		};
		expect(protect(grid)[2]).toEqual(
			[90, 30, 30, 30].map((n) => ({ kind: 'number', n, unit: 'count' }))
		);
		expect(protect(broken)).toEqual(protect(grid));
	});

	it('refuses tables of different shapes', () => {
		const c = cube(3);
		const short = { ...c.all, rows: c.all.rows.slice(1) };
		expect(() => protectAcross([short], c.all, true)).toThrow(/shapes/);
	});
});

/** The attacker as first written, over a map of range objects: the measure for the fast one. */
function referenceAttack(
	published: Map<string, Published>,
	relations: Relation[],
	reading: Reading
): Map<string, Range> {
	const r = new Map<string, Range>();
	for (const [id, s] of published) r.set(id, rangeOf(s, reading));
	const get = (id: string) => r.get(id) ?? { lo: 0, hi: Infinity };
	for (let round = 0, changed = true; changed && round < 1000; round++) {
		changed = false;
		const narrow = (id: string, lo: number, hi: number) => {
			const cur = get(id);
			const next = { lo: Math.max(cur.lo, lo), hi: Math.min(cur.hi, hi) };
			if (next.lo !== cur.lo || next.hi !== cur.hi) {
				r.set(id, next);
				changed = true;
			}
		};
		for (const rel of relations) {
			const parts = rel.parts.map(get);
			const sumLo = parts.reduce((a, p) => a + p.lo, 0);
			// Unbounded parts counted apart: Infinity − Infinity is no number.
			const open = parts.filter((p) => p.hi === Infinity).length;
			const finiteHi = parts.reduce((a, p) => (p.hi === Infinity ? a : a + p.hi), 0);
			narrow(rel.total, sumLo, open ? Infinity : finiteHi);
			const t = get(rel.total);
			rel.parts.forEach((id, i) => {
				const p = parts[i]!;
				const othersOpen = open - (p.hi === Infinity ? 1 : 0);
				const othersHi = finiteHi - (p.hi === Infinity ? 0 : p.hi);
				const lo = othersOpen ? -Infinity : t.lo - othersHi;
				narrow(id, lo, t.hi - (sumLo - p.lo));
			});
		}
	}
	return r;
}

describe('the attacker over numbered cells', () => {
	it('narrows every cell exactly as the plain version does, on random tables and views', () => {
		const kinds: Published[] = [{ kind: 'small' }, { kind: 'hidden' }];
		let pinnedSomewhere = 0;
		for (let seed = 1; seed <= 300; seed++) {
			const next = random(seed);
			const cells = 4 + Math.floor(next() * 40);
			const published = new Map<string, Published>();
			for (let i = 0; i < cells; i++)
				// Some cells unpublished: read as 0 to unbounded until a sum narrows them.
				if (next() < 0.9)
					published.set(
						`c${i}`,
						next() < 0.5
							? { kind: 'number', n: Math.floor(next() * 6) * 5 }
							: kinds[Math.floor(next() * 2)]!
					);
			const relations: Relation[] = Array.from({ length: 1 + Math.floor(next() * 12) }, () => ({
				total: `c${Math.floor(next() * cells)}`,
				parts: Array.from(
					{ length: 2 + Math.floor(next() * 4) },
					() => `c${Math.floor(next() * cells)}`
				)
			}));
			for (const reading of ['rounded', 'exact'] as const) {
				const fast = attack(published, relations, reading);
				const plain = referenceAttack(published, relations, reading);
				expect({ seed, reading, ranges: Object.fromEntries(fast) }).toEqual({
					seed,
					reading,
					ranges: Object.fromEntries(plain)
				});
				pinnedSomewhere += [...fast.values()].filter((r) => r.lo === r.hi && r.lo > 0).length;
			}
		}
		// The tables pin cells: the comparison is not between two empty answers.
		expect(pinnedSomewhere).toBeGreaterThan(20);
	});
});
