import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT, itemsFor } from '../../../domain/instrument';
import { assessmentFormText } from './view';

describe('the assessment form in words', () => {
	it("asks a school's own items first and keeps the others behind a count", () => {
		const text = assessmentFormText('school', null);
		const { suggested, others } = itemsFor(CURRENT_INSTRUMENT, 'school');
		expect(text.suggested.map((i) => i.id)).toEqual(suggested.map((i) => i.id));
		expect(text.others.map((i) => i.id)).toEqual(others.map((i) => i.id));
		expect(text.suggested.length + text.others.length).toBe(CURRENT_INSTRUMENT.items.length);
		expect(text.othersTitle).toContain(String(others.length));
		const first = text.suggested[0]!;
		expect(first.label.startsWith(`${first.id} `)).toBe(true);
		expect(first.hint.length).toBeGreaterThan(0);
	});

	it('offers "not assessed" first, then each rating with its words', () => {
		const text = assessmentFormText('school', null);
		expect(text.scale.map((s) => s.value)).toEqual(['', '0', '1', '2', '3']);
		expect(text.scale[4]?.label).toMatch(/^3 – /);
	});

	it("names whom to call in danger: the team's emergency number when it has one", () => {
		expect(assessmentFormText('school', '+358 9 123 4567').dangerCall).toContain('+358 9 123 4567');
		expect(assessmentFormText('school', null).dangerCall).not.toContain('puh.');
		expect(assessmentFormText('school', null).dangerCall).toContain('112');
	});

	it("names every field for the error summary, a rating's evidence by its item", () => {
		const { labels, t } = assessmentFormText('school', null);
		const item = CURRENT_INSTRUMENT.items[0]!;
		expect(labels[`e_${item.id}`]).toBe(`${item.id} ${t.assessment_evidence}`);
		expect(labels[`r_${item.id}`]).toMatch(new RegExp(`^${item.id} `));
		expect(labels.familyInformed).toBe(t.assessment_family_informed);
	});
});
