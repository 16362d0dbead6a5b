import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nthWorkingDayAfter } from './clocks';
import {
	AGENDA_SECTIONS,
	buildAgenda,
	mustSettleFirst,
	nextMeetingState,
	type AgendaFacts
} from './meeting';
import { addDays } from './working-days';

const today = '2026-12-03'; // a Thursday
const child = (id: string, familyName = id) => ({ id, familyName, givenName: 'Lapsi' });
/** Facts with every child discussed yesterday, so only what a test adds is on the agenda. */
function facts(ids: string[], extra: Partial<AgendaFacts> = {}): AgendaFacts {
	return {
		children: ids.map((id) => child(id)),
		colourChanges: [],
		openFlags: [],
		newDisagreements: [],
		staleReds: [],
		overrides: [],
		workflowReviews: [],
		consultationRequests: [],
		clocks: [],
		lastDiscussedOn: Object.fromEntries(ids.map((id) => [id, addDays(today, -1)])),
		...extra
	};
}
const agenda = (f: AgendaFacts, rotationDays?: number) => buildAgenda(f, { today, rotationDays });
const order = (f: AgendaFacts) => agenda(f).map((e) => e.childId);

describe('buildAgenda, section by section (§7)', () => {
	it('is empty when every child was discussed lately and nothing happened', () => {
		expect(agenda(facts(['a', 'b']))).toEqual([]);
	});

	it('1. colour changes since the previous meeting, red first, one per child from first to last', () => {
		const f = facts(['a', 'b', 'c'], {
			colourChanges: [
				{ childId: 'a', from: 'green', to: 'yellow', on: '2026-12-01' },
				{ childId: 'b', from: 'yellow', to: 'red', on: '2026-11-30' },
				{ childId: 'c', from: 'grey', to: 'yellow', on: '2026-11-28' },
				{ childId: 'c', from: 'yellow', to: 'green', on: '2026-12-02' }
			]
		});
		const a = agenda(f);
		expect(a.map((e) => e.childId)).toEqual(['b', 'a', 'c']);
		expect(a.every((e) => e.section === 'colour_change')).toBe(true);
		expect(a[2]!.reasons).toEqual([
			{ section: 'colour_change', from: 'grey', to: 'green', on: '2026-12-02' }
		]);
	});

	it('2. open flags, the overdue first', () => {
		const f = facts(['a', 'b'], {
			openFlags: [
				{ childId: 'a', trigger: 'disagreement', dueOn: addDays(today, 2) },
				{ childId: 'b', trigger: 'turned_red', dueOn: addDays(today, -1) }
			]
		});
		const a = agenda(f);
		expect(a.map((e) => e.childId)).toEqual(['b', 'a']);
		expect(a[0]!.reasons[0]).toMatchObject({ section: 'open_flag', overdue: true });
		expect(a[1]!.reasons[0]).toMatchObject({ section: 'open_flag', overdue: false });
	});

	it('3–5. new disagreements, stale reds and overrides whose review day has come', () => {
		const f = facts(['a', 'b', 'c', 'd'], {
			newDisagreements: [{ childId: 'c', itemId: 'S2' }],
			staleReds: [{ childId: 'b', itemId: 'S1', since: '2026-10-01' }],
			overrides: [
				{ childId: 'a', reviewOn: today },
				{ childId: 'd', reviewOn: addDays(today, 1) }
			]
		});
		expect(agenda(f).map((e) => [e.childId, e.section])).toEqual([
			['c', 'disagreement'],
			['b', 'stale_red'],
			['a', 'override_review']
		]);
	});

	it("3. a young person's own view that differs is a disagreement of its domain (§11)", () => {
		const f = facts(['a', 'b'], {
			newDisagreements: [
				{ childId: 'a', itemId: 'L', own: true },
				{ childId: 'b', itemId: 'L1' }
			]
		});
		const a = agenda(f);
		expect(a.find((e) => e.childId === 'a')!.reasons).toEqual([
			{ section: 'disagreement', itemId: 'L', own: true }
		]);
		expect(a.find((e) => e.childId === 'b')!.reasons).toEqual([
			{ section: 'disagreement', itemId: 'L1' }
		]);
	});

	it('6. workflow reviews that are due and requested consultations', () => {
		const f = facts(['a', 'b', 'c'], {
			workflowReviews: [
				{ childId: 'a', dueOn: today },
				{ childId: 'c', dueOn: addDays(today, 3) }
			],
			consultationRequests: [{ childId: 'b', on: '2026-11-30' }]
		});
		const a = agenda(f);
		expect(a.map((e) => e.childId).sort()).toEqual(['a', 'b']);
		expect(a.every((e) => e.section === 'workflow')).toBe(true);
	});

	it('7. statutory deadlines within five working days or overdue, the nearest first', () => {
		const f = facts(['a', 'b', 'c'], {
			clocks: [
				{ childId: 'a', kind: 'decision', dueOn: nthWorkingDayAfter(today, 5) },
				{ childId: 'b', kind: 'needs_assessment', dueOn: addDays(today, -3) },
				{ childId: 'c', kind: 'client_plan_review', dueOn: nthWorkingDayAfter(today, 6) }
			]
		});
		const a = agenda(f);
		expect(a.map((e) => e.childId)).toEqual(['b', 'a']);
		expect(a[0]!.reasons[0]).toMatchObject({ section: 'deadline', state: 'overdue' });
		expect(a[1]!.reasons[0]).toMatchObject({ section: 'deadline', state: 'due_soon' });
	});

	it('8. the rotation: never discussed first, then the longest since; the days are a setting', () => {
		const f = facts(['a', 'b', 'c', 'd'], {
			lastDiscussedOn: {
				a: addDays(today, -28),
				b: addDays(today, -27),
				c: addDays(today, -60)
			}
		});
		expect(order(f)).toEqual(['d', 'c', 'a']);
		expect(agenda(f)[0]!.reasons).toEqual([{ section: 'rotation', lastDiscussedOn: null }]);
		expect(agenda(f, 14).map((e) => e.childId)).toEqual(['d', 'c', 'a', 'b']);
	});

	it('puts a child in its first section once, with every reason in section order', () => {
		const f = facts(['a'], {
			lastDiscussedOn: {},
			clocks: [{ childId: 'a', kind: 'decision', dueOn: addDays(today, -1) }],
			openFlags: [{ childId: 'a', trigger: 'turned_red', dueOn: today }],
			colourChanges: [{ childId: 'a', from: 'yellow', to: 'red', on: today }]
		});
		const a = agenda(f);
		expect(a).toHaveLength(1);
		expect(a[0]!.section).toBe('colour_change');
		expect(a[0]!.reasons.map((r) => r.section)).toEqual([
			'colour_change',
			'open_flag',
			'deadline',
			'rotation'
		]);
	});
});

describe('a notification without an urgency assessment (§10)', () => {
	it('is a deadline due the day received, overdue from the next day', () => {
		const f = facts(['a', 'b'], {
			clocks: [
				{ childId: 'a', kind: 'urgency', dueOn: today },
				{ childId: 'b', kind: 'urgency', dueOn: addDays(today, -1) }
			]
		});
		expect(agenda(f).map((e) => [e.childId, e.reasons[0]])).toEqual([
			['b', { section: 'deadline', clock: 'urgency', dueOn: addDays(today, -1), state: 'overdue' }],
			['a', { section: 'deadline', clock: 'urgency', dueOn: today, state: 'due_soon' }]
		]);
	});
});

describe('siblings on the agenda (§7)', () => {
	const family = (ids: string[], fam: Record<string, string>) =>
		ids.map((id) => ({ ...child(id), familyId: fam[id] ?? null }));

	it('a child on the agenda brings its linked siblings along, right after it', () => {
		const f = facts(['a', 'b', 'c', 'd'], {
			children: family(['a', 'b', 'c', 'd'], { b: 'F', d: 'F' }),
			openFlags: [{ childId: 'b', trigger: 'turned_red', dueOn: today }]
		});
		const a = agenda(f);
		expect(a.map((e) => e.childId)).toEqual(['b', 'd']);
		expect(a[1]).toEqual({
			childId: 'd',
			section: 'open_flag',
			reasons: [{ section: 'family', withChildId: 'b' }]
		});
	});

	it('a sibling with reasons of its own moves up to its family and keeps them', () => {
		const f = facts(['a', 'b', 'c'], {
			children: family(['a', 'b', 'c'], { a: 'F', c: 'F' }),
			colourChanges: [{ childId: 'a', from: 'green', to: 'red', on: today }],
			lastDiscussedOn: { a: addDays(today, -1), b: addDays(today, -1) }
		});
		const a = agenda(f);
		expect(a.map((e) => e.childId)).toEqual(['a', 'c']);
		expect(a[1]!.reasons.map((r) => r.section)).toEqual(['family', 'rotation']);
		// Once each, and a child without a family is unaffected.
		expect(new Set(a.map((e) => e.childId)).size).toBe(a.length);
	});

	it('never brings a sibling whose case is closed (not among the open children)', () => {
		const f = facts(['a'], {
			children: family(['a'], { a: 'F' }),
			openFlags: [{ childId: 'a', trigger: 'turned_red', dueOn: today }]
		});
		expect(order(f)).toEqual(['a']);
	});
});

describe('buildAgenda, for any facts', () => {
	const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
	const id = fc.constantFrom(...ids);
	const day = fc.integer({ min: -120, max: 120 }).map((n) => addDays(today, n));
	const colour = fc.constantFrom('grey', 'green', 'yellow', 'red' as const);
	const factsArb: fc.Arbitrary<AgendaFacts> = fc.record({
		children: fc.constant(ids.map((x) => child(x))),
		colourChanges: fc.array(
			fc.record({ childId: id, from: fc.option(colour, { nil: null }), to: colour, on: day })
		),
		openFlags: fc.array(
			fc.record({ childId: id, trigger: fc.constant('turned_red' as const), dueOn: day })
		),
		newDisagreements: fc.array(fc.record({ childId: id, itemId: fc.constantFrom('S1', 'K2') })),
		staleReds: fc.array(fc.record({ childId: id, itemId: fc.constant('S1'), since: day })),
		overrides: fc.array(fc.record({ childId: id, reviewOn: day })),
		workflowReviews: fc.array(fc.record({ childId: id, dueOn: day })),
		consultationRequests: fc.array(fc.record({ childId: id, on: day })),
		clocks: fc.array(
			fc.record({ childId: id, kind: fc.constant('decision' as const), dueOn: day })
		),
		lastDiscussedOn: fc.dictionary(
			id,
			day.filter((d) => d <= today)
		)
	});

	it('lists every child the team must see exactly once, with all its reasons', () => {
		fc.assert(
			fc.property(factsArb, fc.integer({ min: 7, max: 90 }), (f, rotationDays) => {
				const a = buildAgenda(f, { today, rotationDays });
				const seen = a.map((e) => e.childId);
				expect(new Set(seen).size).toBe(seen.length);
				const entry = (childId: string) => a.find((e) => e.childId === childId);
				const has = (childId: string, section: string) =>
					entry(childId)?.reasons.some((r) => r.section === section) ?? false;
				for (const c of f.colourChanges.filter((x) => x.to === 'red'))
					expect(has(c.childId, 'colour_change')).toBe(true);
				for (const fl of f.openFlags.filter((x) => x.dueOn < today))
					expect(
						entry(fl.childId)?.reasons.some(
							(r) => r.section === 'open_flag' && r.overdue && r.dueOn === fl.dueOn
						)
					).toBe(true);
				for (const k of f.clocks.filter((x) => x.dueOn < today))
					expect(has(k.childId, 'deadline')).toBe(true);
				for (const c of f.children) {
					const last = f.lastDiscussedOn[c.id];
					if (!last || last <= addDays(today, -rotationDays))
						expect(has(c.id, 'rotation')).toBe(true);
				}
				// Each entry sits in its first section; the agenda follows §7's order.
				for (const e of a) expect(e.section).toBe(e.reasons[0]!.section);
				const idx = a.map((e) => AGENDA_SECTIONS.indexOf(e.section));
				expect(idx).toEqual([...idx].sort((x, y) => x - y));
				// Nothing is there without a reason from the facts.
				for (const e of a) expect(e.reasons.length).toBeGreaterThan(0);
			})
		);
	});
});

describe('the meeting and its steps', () => {
	it('moves planned → open → closed and never back', () => {
		expect(nextMeetingState('planned')).toBe('open');
		expect(nextMeetingState('open')).toBe('closed');
		expect(nextMeetingState('closed')).toBeNull();
	});

	it('asks for an outcome on every earlier step before new ones', () => {
		expect(mustSettleFirst([{ outcome: 'done' }, { outcome: null }])).toBe(true);
		expect(mustSettleFirst([{ outcome: 'done' }, { outcome: 'not_done' }])).toBe(false);
		expect(mustSettleFirst([])).toBe(false);
	});
});
