import { describe, expect, it } from 'vitest';
import { AGENDA_SECTIONS } from '../../../domain/meeting';
import { reasonText, sectionText } from './view';

describe('the agenda’s section headings (issue 33)', () => {
	it('carry no numbers of their own: the agenda numbers its items, and a section may be empty', () => {
		for (const s of AGENDA_SECTIONS) expect(sectionText(s), s).not.toMatch(/^\d/);
	});
});

describe('why a child is on the agenda, in words (§7)', () => {
	it("names the item of two organisations' disagreement, the domain of the young person's", () => {
		expect(reasonText({ section: 'disagreement', itemId: 'L1' })).toMatch(/^Uusi näkemysero: L1 /);
		expect(reasonText({ section: 'disagreement', itemId: 'L', own: true })).toBe(
			'Nuoren oma näkemys eroaa: Kehitys ja oppiminen.'
		);
	});
});
