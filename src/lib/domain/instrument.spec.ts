import { describe, expect, it } from 'vitest';
import { ORGANISATION_KINDS } from './roles';
import { INSTRUMENT_V1, instrument, itemsFor, isRating } from './instrument';

describe('instrument v1', () => {
	it('has the 20 stable item ids of docs/domain.md §4, in order', () => {
		expect(INSTRUMENT_V1.items.map((i) => i.id)).toEqual(
			'S1 S2 S3 S4 S5 H1 H2 E1 E2 E3 L1 L2 L3 R1 R2 P1 P2 F1 F2 F3 F4'.split(' ')
		);
	});

	it('ids are unique and every item belongs to a known domain', () => {
		const ids = INSTRUMENT_V1.items.map((i) => i.id);
		expect(new Set(ids).size).toBe(ids.length);
		const domains = new Set(INSTRUMENT_V1.domains.map((d) => d.id));
		for (const i of INSTRUMENT_V1.items) expect(domains.has(i.domain), i.id).toBe(true);
		expect([...domains]).toEqual(['S', 'H', 'E', 'L', 'R', 'P', 'F']);
	});

	it('every text exists in Finnish, Swedish and English', () => {
		const texts = [
			...INSTRUMENT_V1.items.flatMap((i) => [i.label, i.hint]),
			...INSTRUMENT_V1.domains.map((d) => d.label),
			...Object.values(INSTRUMENT_V1.scale),
			INSTRUMENT_V1.notAssessed
		];
		for (const t of texts)
			for (const l of ['fi', 'sv', 'en'] as const) expect(t[l]?.trim()).toBeTruthy();
	});

	it('suggests a known item set for every organisation kind', () => {
		const ids = new Set(INSTRUMENT_V1.items.map((i) => i.id));
		for (const k of ORGANISATION_KINDS) {
			expect(INSTRUMENT_V1.suggested[k].length, k).toBeGreaterThan(0);
			for (const id of INSTRUMENT_V1.suggested[k]) expect(ids.has(id), `${k}: ${id}`).toBe(true);
		}
		expect(INSTRUMENT_V1.suggested.school).toEqual(
			'S1 S2 S3 E1 E2 E3 L1 L2 L3 R1 R2 P1 P2'.split(' ')
		);
		const { suggested, others } = itemsFor(INSTRUMENT_V1, 'child_health_clinic');
		expect(suggested.map((i) => i.id)).toEqual(['S2', 'H1', 'H2', 'L3', 'F1', 'F2', 'F3', 'F4']);
		expect(suggested.length + others.length).toBe(INSTRUMENT_V1.items.length);
	});

	it('is found by its version, and an unknown version is an error', () => {
		expect(instrument('1')).toBe(INSTRUMENT_V1);
		expect(() => instrument('0')).toThrow();
	});
});

describe('isRating', () => {
	it('takes the scale 0–3 and nothing else', () => {
		expect([0, 1, 2, 3].every(isRating)).toBe(true);
		expect([-1, 4, 1.5, Number.NaN].some(isRating)).toBe(false);
	});
});
