import { describe, expect, it } from 'vitest';
import { summaryText } from './summary-text';

const NOW = new Date('2026-12-06T10:00:00Z');

const summary = {
	child: { givenName: 'Aino', familyName: 'Esimerkki', dateOfBirth: '2015-03-01' },
	colour: 'yellow' as const,
	reasons: [{ rule: 'no_assessment' as const, domains: [] }],
	overridden: true,
	kinds: [{ kind: 'school' as const, worried: ['S'], going_well: ['L'] }],
	steps: [{ what: 'Tapaaminen', who: 'Maija', dueOn: '2026-12-20' }],
	worker: null,
	teamName: 'Tiimi 1'
};

describe('the family summary in words (§11)', () => {
	it('is made in the family’s language, whatever the reader’s', () => {
		const sv = summaryText(summary, 'sv', NOW);
		const fi = summaryText(summary, 'fi', NOW);
		expect(sv.lang).toBe('sv');
		expect(sv.heading).toContain('Aino Esimerkki');
		expect(sv.colourTitle).not.toBe(fi.colourTitle);
		expect(sv.partners[0]!.title).not.toBe(fi.partners[0]!.title);
		expect(sv.reasons[0]!.text).not.toBe(fi.reasons[0]!.text);
	});

	it('says what is missing instead of leaving it empty', () => {
		const t = summaryText({ ...summary, kinds: [], steps: [] }, 'fi', NOW);
		expect(t.partners).toEqual([]);
		expect(t.noAssessments).toMatch(/\S/);
		expect(t.noSteps).toMatch(/\S/);
		expect(t.worker).toBeNull();
		expect(t.noWorker).toContain('Tiimi 1');
		expect(t.overridden).toMatch(/\S/);
	});

	it('names the domains a kind of partner worries about and those going well', () => {
		const t = summaryText(summary, 'fi', NOW);
		expect(t.partners[0]!.worried).not.toBe(t.partners[0]!.goingWell);
		expect(t.steps[0]).toContain('Tapaaminen');
		expect(summaryText({ ...summary, overridden: false }, 'fi', NOW).overridden).toBeNull();
	});
});
