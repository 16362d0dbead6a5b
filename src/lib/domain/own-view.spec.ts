import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagsToRaise, suggestWorkflow, triageDueOn, type StatusFacts } from './flags';
import { CURRENT_INSTRUMENT, type Rating } from './instrument';
import {
	OWN_VIEW_ANSWERS,
	OWN_VIEW_DOMAINS,
	OWN_VIEW_STATEMENTS,
	ownViewSignals,
	professionalsOn,
	withOwnView,
	type OwnAnswers,
	type OwnViewFact
} from './own-view';
import { computeStatus, type AssessmentFact } from './traffic-light';

const NOW = new Date('2026-12-04T10:00:00Z');
const at = new Date('2026-12-03T10:00:00Z');

/** One school assessment with the ratings given (item id → rating). */
const school = (ratings: Record<string, Rating>): AssessmentFact => ({
	id: 'a1',
	organisationId: 'school',
	submittedAt: at,
	ratings: Object.fromEntries(Object.entries(ratings).map(([k, rating]) => [k, { rating }]))
});
const view = (answers: Partial<OwnAnswers>, id = 'v1'): OwnViewFact => ({
	id,
	answers: Object.fromEntries(OWN_VIEW_DOMAINS.map((d) => [d, answers[d] ?? null])),
	at
});

describe("the young person's own view (DOMAIN §11)", () => {
	it('has one statement per domain of the instrument, in its order, in three languages', () => {
		expect([...OWN_VIEW_DOMAINS]).toEqual(CURRENT_INSTRUMENT.domains.map((d) => d.id));
		for (const d of OWN_VIEW_DOMAINS)
			for (const text of Object.values(OWN_VIEW_STATEMENTS[d]))
				expect(text.length).toBeGreaterThan(10);
		expect(Object.keys(OWN_VIEW_ANSWERS)).toEqual(['0', '1', '2', '3']);
	});

	it('compares an answer with the highest combined rating of the domain', () => {
		const status = computeStatus([school({ L1: 0, L2: 1, E1: 2 })], NOW);
		expect(professionalsOn(status, 'L')).toBe(1);
		expect(professionalsOn(status, 'E')).toBe(2);
		expect(professionalsOn(status, 'H')).toBeNull();
	});

	it.each([
		['2 apart, the young person more worried', { L: 3 }, { L1: 1 }, true],
		['2 apart, the professionals more worried', { E: 0 }, { E1: 2 }, true],
		['1 apart: nothing', { L: 2 }, { L1: 1 }, false],
		['the professionals have not rated the domain: nothing', { H: 3 }, { L1: 0 }, false],
		['"I don\'t want to answer" is not a 0', { E: null }, { E1: 3 }, false]
	] as const)('a difference: %s', (_, answers, ratings, raised) => {
		const status = computeStatus([school(ratings)], NOW);
		const signals = ownViewSignals(view(answers), status);
		expect(signals.some((s) => s.signal === 'disagreement')).toBe(raised);
	});

	it('names the domain, both sides and the view in a disagreement', () => {
		const status = computeStatus([school({ R1: 0 })], NOW);
		expect(ownViewSignals(view({ R: 2 }), status)).toEqual([
			{
				signal: 'disagreement',
				domainId: 'R',
				own: 2,
				professionals: 0,
				viewId: 'v1',
				at
			}
		]);
	});

	it.each([
		[0, false],
		[1, false],
		[2, true],
		[3, true]
	] as const)('a Safety answer of %i is "not safe": %s', (answer, notSafe) => {
		const signals = ownViewSignals(view({ S: answer }), computeStatus([], NOW));
		expect(signals.some((s) => s.signal === 'not_safe')).toBe(notSafe);
	});

	it('no own view, no signals', () => {
		expect(ownViewSignals(null, computeStatus([school({ S1: 3 })], NOW))).toEqual([]);
	});
});

describe('the own view is never part of the colour', () => {
	const ratingArb = fc.constantFrom<Rating>(0, 1, 2, 3);
	const ratingsArb = fc.dictionary(
		fc.constantFrom(...CURRENT_INSTRUMENT.items.map((i) => i.id)),
		ratingArb,
		{ maxKeys: 10 }
	);
	const answersArb = fc.record(
		Object.fromEntries(OWN_VIEW_DOMAINS.map((d) => [d, fc.option(ratingArb, { nil: null })]))
	) as fc.Arbitrary<OwnAnswers>;

	it('keeps colour, domain colours and reasons, and only adds signals', () => {
		fc.assert(
			fc.property(ratingsArb, answersArb, (ratings, answers) => {
				const before = computeStatus([school(ratings)], NOW);
				const after = withOwnView(before, { id: 'v', answers, at });
				expect(after.colour).toBe(before.colour);
				expect(after.domainColours).toEqual(before.domainColours);
				expect(after.reasons).toEqual(before.reasons);
				expect(after.signals.slice(0, before.signals.length)).toEqual(before.signals);
			})
		);
	});
});

describe('flags from the own view (DOMAIN §6, §11)', () => {
	const facts = (status: ReturnType<typeof computeStatus>): StatusFacts => ({
		colour: status.colour,
		signals: status.signals,
		domainColours: status.domainColours,
		substance: null
	});
	const base = computeStatus([school({ L1: 0 })], NOW);

	it('"not safe" raises a flag, and each new view that says so raises it again', () => {
		const first = facts(withOwnView(base, view({ S: 3 }, 'v1')));
		expect(flagsToRaise(facts(base), first)).toEqual(['not_safe']);
		expect(flagsToRaise(first, first)).toEqual([]);
		expect(flagsToRaise(first, facts(withOwnView(base, view({ S: 2 }, 'v2'))))).toEqual([
			'not_safe'
		]);
	});

	it('a new own-view disagreement raises the disagreement flag once', () => {
		const apart = facts(withOwnView(base, view({ L: 3 }, 'v1')));
		expect(flagsToRaise(facts(base), apart)).toEqual(['disagreement']);
		// The same domain again in a newer view: not new.
		expect(flagsToRaise(apart, facts(withOwnView(base, view({ L: 3 }, 'v2'))))).toEqual([]);
	});

	it('"not safe" is triaged within 1 working day', () => {
		// Friday 4 December 2026: the next working day is Monday 7 December.
		expect(triageDueOn('not_safe', '2026-12-04')).toBe('2026-12-07');
		expect(triageDueOn('disagreement', '2026-12-04')).toBe('2026-12-11');
	});

	it('suggests intensive family work for a child at home, a consultation for a placed one', () => {
		const s = facts(base);
		expect(suggestWorkflow('not_safe', s, { ageYears: 14, placed: false })).toBe(
			'intensive_family'
		);
		expect(suggestWorkflow('not_safe', s, { ageYears: 14, placed: true })).toBe('consultation');
	});
});
