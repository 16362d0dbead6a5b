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

/** Interval propagation over every relation until a fixed point (or a round limit). */
export function attack(
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

/** The cells whose true count is 1–4 and which the attacker pinned to one value. */
export function recovered(truth: Map<string, number>, ranges: Map<string, Range>): string[] {
	const out: string[] = [];
	for (const [id, n] of truth) {
		const range = ranges.get(id);
		if (n >= 1 && n <= 4 && range?.lo === n && range.hi === n) out.push(id);
	}
	return out;
}
