/**
 * The differencing attacker the reports are protected against (§8 revised, ADR 033): given what a person can read across
 * every view they may ask for, and the sums that tie the views together (a total and its
 * parts, a quarter and its months, all teams and each team, all partners and each kind),
 * narrow each count to the range the published numbers allow, the way someone with a
 * spreadsheet would, until nothing narrows further. A count of 1–4 left with one possible
 * value has been recovered. `protect` runs it over each table before the table is shown;
 * the specs run it across every view a person can ask for.
 */
/** A published cell as the attacker reads it (the reports' `Shown`). */
export type Published = { kind: 'number'; n: number } | { kind: 'small' } | { kind: 'hidden' };

export type Range = { lo: number; hi: number };
export type Relation = { total: string; parts: string[] };
/** What a published cell tells the attacker: rounded numbers a range, exact ones a point. */
export type Reading = 'rounded' | 'exact';

export function rangeOf(s: Published, reading: Reading): Range {
	if (s.kind === 'small') return { lo: 1, hi: 4 };
	if (s.kind === 'hidden') return { lo: 0, hi: Infinity };
	if (reading === 'exact' || s.n === 0) return { lo: s.n, hi: s.n };
	// A number rounded to the nearest five, never below five (1–4 show as "< 5").
	return { lo: Math.max(5, s.n - 2), hi: s.n + 2 };
}

/**
 * Interval propagation over every relation until a fixed point (or a round limit). The
 * cells are numbered and their bounds kept in typed arrays: the reports run this over a
 * hundred teams' tables for each figure, where a map of range objects per step cost more
 * than the rest of the page (measured: 160 of 210 ms for one figure). The steps and their
 * order are the same as reading the ranges from a map, so the result is too (the spec
 * holds this to a plain reference version).
 */
export function attack(
	published: Map<string, Published>,
	relations: Relation[],
	reading: Reading
): Map<string, Range> {
	const index = new Map<string, number>();
	const names: string[] = [];
	const cell = (id: string) => {
		let i = index.get(id);
		if (i === undefined) {
			i = names.length;
			index.set(id, i);
			names.push(id);
		}
		return i;
	};
	for (const id of published.keys()) cell(id);
	const rels = relations.map((rel) => ({ total: cell(rel.total), parts: rel.parts.map(cell) }));
	// A cell no published number speaks of reads as 0 to unbounded, and is reported only
	// once a relation narrows it.
	const lo = new Float64Array(names.length);
	const hi = new Float64Array(names.length).fill(Infinity);
	const known = new Uint8Array(names.length);
	for (const [id, s] of published) {
		const i = index.get(id)!;
		const range = rangeOf(s, reading);
		lo[i] = range.lo;
		hi[i] = range.hi;
		known[i] = 1;
	}
	const widest = rels.reduce((n, rel) => Math.max(n, rel.parts.length), 0);
	const partLo = new Float64Array(widest);
	const partHi = new Float64Array(widest);
	let changed = true;
	const narrow = (i: number, l: number, h: number) => {
		const nextLo = Math.max(lo[i]!, l);
		const nextHi = Math.min(hi[i]!, h);
		if (nextLo !== lo[i] || nextHi !== hi[i]) {
			lo[i] = nextLo;
			hi[i] = nextHi;
			known[i] = 1;
			changed = true;
		}
	};
	for (let round = 0; changed && round < 1000; round++) {
		changed = false;
		for (const rel of rels) {
			// The parts as they stood before this relation narrowed anything.
			let sumLo = 0;
			let open = 0;
			let finiteHi = 0;
			rel.parts.forEach((p, k) => {
				partLo[k] = lo[p]!;
				partHi[k] = hi[p]!;
				sumLo += lo[p]!;
				// Unbounded parts counted apart: Infinity − Infinity is no number.
				if (hi[p] === Infinity) open++;
				else finiteHi += hi[p]!;
			});
			narrow(rel.total, sumLo, open ? Infinity : finiteHi);
			const tLo = lo[rel.total]!;
			const tHi = hi[rel.total]!;
			rel.parts.forEach((p, k) => {
				const pHi = partHi[k]!;
				const othersOpen = open - (pHi === Infinity ? 1 : 0);
				const othersHi = finiteHi - (pHi === Infinity ? 0 : pHi);
				narrow(p, othersOpen ? -Infinity : tLo - othersHi, tHi - (sumLo - partLo[k]!));
			});
		}
	}
	const out = new Map<string, Range>();
	names.forEach((id, i) => {
		if (known[i]) out.set(id, { lo: lo[i]!, hi: hi[i]! });
	});
	return out;
}

/** The cells whose true count is 1–4 and which the attacker pinned to one value. */
export function recovered(truth: Map<string, number>, ranges: Map<string, Range>): string[] {
	const out: string[] = [];
	for (const [id, n] of truth) {
		const range = ranges.get(id);
		if (n >= 1 && n <= 4 && range?.lo === n && range.hi === n) out.push(id);
	}
	return out;
}
