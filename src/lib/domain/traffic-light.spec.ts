import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rating } from './instrument';
import { CURRENT_INSTRUMENT } from './instrument';
import {
	computeStatus,
	currentRatings,
	effectiveStatus,
	ruleReasons,
	severity,
	type AssessmentFact
} from './traffic-light';

const NOW = new Date('2026-11-22T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86400_000);
let seq = 0;
const a = (
	org: string,
	ratings: Record<string, Rating>,
	at = daysAgo(1),
	id = `a${++seq}`
): AssessmentFact => ({
	id,
	organisationId: org,
	submittedAt: at,
	ratings: Object.fromEntries(Object.entries(ratings).map(([k, r]) => [k, { rating: r }]))
});
const status = (...as: readonly AssessmentFact[]) => computeStatus(as, NOW);

describe('overall colour (docs/domain.md §5 rule 4)', () => {
	it.each([
		['no assessment at all', [], 'grey'],
		['everything 0', [a('school', { L1: 0, R1: 0 })], 'green'],
		['a single 1', [a('school', { L1: 1 })], 'green'],
		['any item 2', [a('school', { L1: 2 })], 'yellow'],
		['any item 3', [a('school', { L1: 3 })], 'red'],
		['a Safety item 2', [a('school', { S2: 2 })], 'red'],
		['a Safety item 1', [a('school', { S2: 1 })], 'green'],
		[
			'three 1s from two organisations',
			[a('school', { L1: 1, L2: 1 }), a('clinic', { H1: 1 })],
			'green'
		],
		[
			'four 1s from two organisations',
			[a('school', { L1: 1, L2: 1 }), a('clinic', { H1: 1, H2: 1 })],
			'yellow'
		],
		['four 1s from one organisation', [a('school', { L1: 1, L2: 1, R1: 1, E1: 1 })], 'green']
	] as const)('%s → %s', (_name, as, colour) => {
		expect(status(...as).colour).toBe(colour);
	});

	it('explains red with the item, organisation, rating, assessment and date', () => {
		const x = a('school', { S1: 3, L1: 2 }, daysAgo(2), 'as-1');
		const s = status(x);
		expect(s.reasons).toEqual([
			{
				rule: 'item_rated_3',
				itemId: 'S1',
				organisationId: 'school',
				rating: 3,
				assessmentId: 'as-1',
				at: daysAgo(2)
			}
		]);
	});

	it('explains accumulating concern with the items and organisations', () => {
		const s = status(a('school', { L1: 1, L2: 1 }), a('clinic', { H1: 1, H2: 1 }));
		expect(s.reasons).toEqual([
			{
				rule: 'accumulating_concern',
				items: ['H1', 'H2', 'L1', 'L2'],
				organisations: ['clinic', 'school']
			}
		]);
	});
});

describe('the reasons a partner may see (ruleReasons)', () => {
	it('gives each rule once, in the order of the reasons, with its domains in the instrument order', () => {
		const s = status(a('school', { S1: 2, S3: 2, F2: 3 }), a('clinic', { E1: 3 }));
		const out = ruleReasons(s.reasons);
		expect(out).toEqual([
			{ rule: 'safety_rated_2', domains: ['S'] },
			{ rule: 'item_rated_3', domains: ['E', 'F'] }
		]);
		// No organisation, item, rating, assessment or date leaves with them.
		expect(JSON.stringify(out)).not.toMatch(/school|clinic|S1|E1|"rating"|assessment/);
	});

	it('names the domains of accumulating concern and the rules that name none', () => {
		const acc = status(a('school', { L1: 1, L2: 1 }), a('clinic', { H1: 1, H2: 1 }));
		expect(ruleReasons(acc.reasons)).toEqual([
			{ rule: 'accumulating_concern', domains: ['H', 'L'] }
		]);
		expect(ruleReasons(status().reasons)).toEqual([{ rule: 'no_assessment', domains: [] }]);
		expect(ruleReasons(status(a('school', { L1: 0 })).reasons)).toEqual([
			{ rule: 'no_high_ratings', domains: [] }
		]);
	});
});

describe('current and combined ratings (rules 1–2)', () => {
	it('takes each organisation’s latest assessment that rated the item', () => {
		const old = a('school', { L1: 3, R1: 2 }, daysAgo(20));
		const newer = a('school', { L1: 0 }, daysAgo(5));
		const cur = currentRatings([newer, old]);
		expect(cur.find((c) => c.itemId === 'L1')?.rating).toBe(0);
		// R1 was not rated in the newer one: the older rating still stands.
		expect(cur.find((c) => c.itemId === 'R1')?.rating).toBe(2);
		expect(computeStatus([old, newer], NOW).colour).toBe('yellow');
	});

	it('a correction supersedes: only the new version is passed in, and it counts', () => {
		const corrected = a('school', { S1: 1 }, daysAgo(1));
		expect(status(corrected).colour).toBe('green');
	});

	it('combines organisations by the maximum: nobody averages a red away', () => {
		const s = status(a('school', { E1: 0 }), a('psych', { E1: 3 }), a('clinic', { E1: 0 }));
		expect(s.combined.E1?.rating).toBe(3);
		expect(s.colour).toBe('red');
	});

	it('colours the Safety tile red at a 2, as the child is red for it (rules version 2)', () => {
		const s = status(a('school', { S1: 2, E1: 2 }));
		expect(s.colour).toBe('red');
		expect(s.domainColours).toMatchObject({ S: 'red', E: 'yellow' });
		expect(s.rulesVersion).toBe('2');
	});

	it('colours each domain, grey when nothing in it is rated', () => {
		const s = status(a('school', { S1: 0, E1: 2, L1: 3, R1: 1 }));
		expect(s.domainColours).toMatchObject({
			S: 'green',
			E: 'yellow',
			L: 'red',
			R: 'green',
			H: 'grey',
			P: 'grey',
			F: 'grey'
		});
	});
});

describe('signals (rule 5)', () => {
	it('disagreement when two organisations differ by 2 or more, not by 1', () => {
		expect(
			status(a('school', { E1: 0 }), a('psych', { E1: 2 })).signals.map((s) => s.signal)
		).toContain('disagreement');
		expect(status(a('school', { E1: 1 }), a('psych', { E1: 2 })).signals).toEqual([]);
	});

	it('stale after 90 days (not at 90), without changing the colour', () => {
		expect(status(a('school', { L1: 2 }, daysAgo(90))).signals).toEqual([]);
		const s = status(a('school', { L1: 2 }, daysAgo(91)));
		expect(s.signals).toEqual([
			expect.objectContaining({ signal: 'stale', why: 'newest_over_90_days' })
		]);
		expect(s.colour).toBe('yellow');
	});

	it('stale red after 30 days (not at 30)', () => {
		expect(status(a('school', { S1: 3 }, daysAgo(30))).signals).toEqual([]);
		const s = status(a('school', { S1: 3 }, daysAgo(31)));
		expect(s.signals).toEqual([
			expect.objectContaining({ signal: 'stale', why: 'red_rating_over_30_days', itemId: 'S1' })
		]);
		expect(s.colour).toBe('red');
	});
});

describe('team override (rule 6)', () => {
	const red = status(a('school', { S1: 3 })).colour;
	it.each([
		['no override: the computed colour', null, 'red', false],
		[
			'an override to yellow: the team works with yellow, the computed red stays',
			{ colour: 'yellow', reason: 'Turvasuunnitelma tehty', reviewOn: '2026-12-01' },
			'yellow',
			false
		],
		[
			'review date reached: the override stands but is due for review',
			{ colour: 'green', reason: 'Tilanne rauhoittunut', reviewOn: '2026-11-22' },
			'green',
			true
		]
	] as const)('%s', (_name, override, colour, reviewDue) => {
		const e = effectiveStatus(red, override, '2026-11-22');
		expect(e.colour).toBe(colour);
		expect(e.computed).toBe('red');
		expect(e.reviewDue).toBe(reviewDue);
	});
	it('an override never changes what the rules compute', () => {
		const before = status(a('school', { S1: 3 }, daysAgo(1), 'o-1'));
		effectiveStatus(
			before.colour,
			{ colour: 'green', reason: 'x', reviewOn: '2026-12-01' },
			'2026-11-22'
		);
		expect(status(a('school', { S1: 3 }, daysAgo(1), 'o-1'))).toEqual(before);
	});
});

// ---- properties over random assessment sets ----

const ORGS = ['school', 'clinic', 'psych', 'daycare', 'unit'];
const ITEMS = CURRENT_INSTRUMENT.items.map((i) => i.id);
const ratingArb = fc.constantFrom<Rating>(0, 1, 2, 3);
const assessmentArb = fc.record({
	id: fc.uuid(),
	organisationId: fc.constantFrom(...ORGS),
	submittedAt: fc.integer({ min: 0, max: 400 }).map((d) => daysAgo(d)),
	ratings: fc.dictionary(
		fc.constantFrom(...ITEMS),
		ratingArb.map((rating) => ({ rating })),
		{ minKeys: 1, maxKeys: 8 }
	)
}) as fc.Arbitrary<AssessmentFact>;
const setArb = fc.uniqueArray(assessmentArb, { maxLength: 8, selector: (x) => x.id });

describe('properties', () => {
	it('raising any rating never lowers the status', () => {
		fc.assert(
			fc.property(setArb, fc.nat(), fc.nat(), (as, i, j) => {
				if (!as.length) return;
				const target = as[i % as.length]!;
				const keys = Object.keys(target.ratings);
				const key = keys[j % keys.length]!;
				const r = target.ratings[key]!.rating!;
				if (r === 3) return;
				const raised = as.map((x) =>
					x === target
						? { ...x, ratings: { ...x.ratings, [key]: { rating: (r + 1) as Rating } } }
						: x
				);
				expect(severity(computeStatus(raised, NOW).colour)).toBeGreaterThanOrEqual(
					severity(computeStatus(as, NOW).colour)
				);
			}),
			{ numRuns: 500 }
		);
	});

	it('adding an assessment from a new organisation never lowers the status', () => {
		fc.assert(
			fc.property(setArb, assessmentArb, (as, extra) => {
				const fresh = { ...extra, organisationId: 'newcomer' };
				expect(severity(computeStatus([...as, fresh], NOW).colour)).toBeGreaterThanOrEqual(
					severity(computeStatus(as, NOW).colour)
				);
			}),
			{ numRuns: 500 }
		);
	});

	it('arrival order changes neither status nor reasons', () => {
		fc.assert(
			fc.property(setArb, fc.func(fc.integer()), (as, f) => {
				const shuffled = [...as].sort((x, y) => f(x.id) - f(y.id) || 0);
				expect(computeStatus(shuffled, NOW)).toEqual(computeStatus(as, NOW));
			}),
			{ numRuns: 300 }
		);
	});

	it('time passing never lowers the colour', () => {
		fc.assert(
			fc.property(setArb, fc.integer({ min: 1, max: 1000 }), (as, days) => {
				const later = new Date(NOW.getTime() + days * 86400_000);
				expect(computeStatus(as, later).colour).toBe(computeStatus(as, NOW).colour);
			}),
			{ numRuns: 300 }
		);
	});

	it('the same inputs always give the same status and reasons', () => {
		fc.assert(
			fc.property(setArb, (as) => {
				expect(computeStatus(structuredClone(as), NOW)).toEqual(computeStatus(as, NOW));
			}),
			{ numRuns: 200 }
		);
	});
});
