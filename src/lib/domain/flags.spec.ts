import { describe, expect, it } from 'vitest';
import {
	ageOn,
	dangerNow,
	flagOverdue,
	flagsToRaise,
	suggestWorkflow,
	triageDueOn,
	type StatusFacts
} from './flags';
import type { Signal } from './traffic-light';

const at = new Date('2026-11-01T10:00:00Z');
const dis = (itemId: string): Signal => ({
	signal: 'disagreement',
	itemId,
	low: { itemId, organisationId: 'a', rating: 0, assessmentId: 'x', at },
	high: { itemId, organisationId: 'b', rating: 2, assessmentId: 'y', at }
});
const facts = (over: Partial<StatusFacts> = {}): StatusFacts => ({
	colour: 'green',
	signals: [],
	domainColours: {},
	substance: null,
	...over
});

describe('which flags a status change raises', () => {
	it.each([
		['green → red', facts(), facts({ colour: 'red' }), ['turned_red']],
		['first status red', null, facts({ colour: 'red' }), ['turned_red']],
		['red stays red: nothing new', facts({ colour: 'red' }), facts({ colour: 'red' }), []],
		['a new disagreement', facts(), facts({ signals: [dis('S1')] }), ['disagreement']],
		[
			'the same disagreement again: nothing',
			facts({ signals: [dis('S1')] }),
			facts({ signals: [dis('S1')] }),
			[]
		],
		[
			'a disagreement on another item',
			facts({ signals: [dis('S1')] }),
			facts({ signals: [dis('S1'), dis('L1')] }),
			['disagreement']
		],
		['P1 1 → 2', facts({ substance: 1 }), facts({ substance: 2 }), ['substance']],
		['P1 1 stays 1', facts({ substance: 1 }), facts({ substance: 1 }), []],
		['P1 2 → 3: already flagged', facts({ substance: 2 }), facts({ substance: 3 }), []],
		[
			'P1 3 turns red too',
			facts({ substance: 0 }),
			facts({ substance: 3, colour: 'red' }),
			['turned_red', 'substance']
		]
	] as const)('%s', (_name, prev, next, expected) => {
		expect(flagsToRaise(prev, next)).toEqual(expected);
	});
});

describe('suggested workflow', () => {
	it.each([
		['P1 ≥ 2, aged 15', 'substance', facts({ substance: 2 }), 15, false, 'intensive_substance'],
		['P1 ≥ 2, aged 12', 'substance', facts({ substance: 2 }), 12, false, 'intensive_substance'],
		['P1 ≥ 2, aged 11, not red', 'substance', facts({ substance: 2 }), 11, false, 'consultation'],
		['P1 ≥ 2, aged 18', 'substance', facts({ substance: 2 }), 18, false, 'consultation'],
		['red, not placed', 'turned_red', facts({ colour: 'red' }), 8, false, 'intensive_family'],
		['red, placed', 'turned_red', facts({ colour: 'red' }), 8, true, 'consultation'],
		[
			'red because of P1 3 at 14',
			'turned_red',
			facts({ colour: 'red', substance: 3 }),
			14,
			false,
			'intensive_substance'
		],
		['disagreement', 'disagreement', facts({ colour: 'red' }), 8, false, 'consultation'],
		[
			'red, not placed, worry in three domains',
			'turned_red',
			facts({ colour: 'red', domainColours: { S: 'red', E: 'yellow', F: 'yellow', L: 'green' } }),
			8,
			false,
			'consultation'
		],
		[
			'red, not placed, worry in two domains',
			'turned_red',
			facts({ colour: 'red', domainColours: { S: 'red', E: 'yellow', F: 'green' } }),
			8,
			false,
			'intensive_family'
		],
		['a unit asks', 'consultation_requested', facts(), 15, true, 'consultation']
	] as const)('%s → %s', (_n, trigger, status, age, placed, expected) => {
		expect(suggestWorkflow(trigger, status, { ageYears: age, placed })).toBe(expected);
	});
});

describe('triage deadline', () => {
	it('red: 1 working day; others: 5 (Friday raised)', () => {
		expect(triageDueOn('turned_red', '2026-11-20')).toBe('2026-11-23');
		expect(triageDueOn('disagreement', '2026-11-20')).toBe('2026-11-27');
	});
	it('an urgent consultation request: 1 working day; a normal one: 5', () => {
		expect(triageDueOn('consultation_requested', '2026-11-20', true)).toBe('2026-11-23');
		expect(triageDueOn('consultation_requested', '2026-11-20', false)).toBe('2026-11-27');
	});
	it('overdue only after the due day', () => {
		expect(flagOverdue('2026-11-23', '2026-11-23')).toBe(false);
		expect(flagOverdue('2026-11-23', '2026-11-24')).toBe(true);
	});
	it('age in whole years', () => {
		expect(ageOn('2010-11-23', '2026-11-22')).toBe(15);
		expect(ageOn('2010-11-22', '2026-11-22')).toBe(16);
	});
});

describe('danger now (§6)', () => {
	it('a Safety item at 3, or S3 at 2 or more', () => {
		expect(dangerNow({ S1: 3 })).toBe(true);
		expect(dangerNow({ S5: '3' })).toBe(true);
		expect(dangerNow({ S3: 2 })).toBe(true);
		expect(dangerNow({ S3: '2', S1: 0 })).toBe(true);
	});

	it('not below it, not outside Safety, not for "not assessed"', () => {
		expect(dangerNow({})).toBe(false);
		expect(dangerNow({ S1: 2, S2: 2, S4: 2, S5: 2 })).toBe(false);
		expect(dangerNow({ S3: 1 })).toBe(false);
		expect(dangerNow({ H1: 3, P1: 3, E3: 3 })).toBe(false);
		expect(dangerNow({ S1: '', S3: null, S5: undefined })).toBe(false);
		expect(dangerNow({ S1: 'x' })).toBe(false);
	});
});
