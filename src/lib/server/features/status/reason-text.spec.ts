import { describe, expect, it } from 'vitest';
import { computeStatus, ruleReasons } from '../../../domain/traffic-light';
import { reasonText, ruleReasonText } from './reason-text';

const NOW = new Date('2026-11-22T12:00:00Z');
const status = (ratings: Record<string, 0 | 1 | 2 | 3>) =>
	computeStatus(
		[
			{
				id: 'a1',
				organisationId: 'org-school',
				submittedAt: new Date('2026-11-03T10:00:00Z'),
				ratings: Object.fromEntries(Object.entries(ratings).map(([k, r]) => [k, { rating: r }]))
			}
		],
		NOW
	);

describe('reasons in plain words (issue 12 A7)', () => {
	it('a red child for a Safety 2: the tile agrees (rules version 2), the reason names the safety rule', () => {
		const s = status({ S1: 2 });
		expect(s.colour).toBe('red');
		expect(s.domainColours.S).toBe('red');
		expect(reasonText(s.reasons[0]!, { 'org-school': 'Koulu' })).toBe(
			'Punainen, koska turvallisuuden kohta on arvioitu 2 tai enemmän. S1 Väkivalta tai sen uhka kotona: arvio 2, Koulu 3.11.2026.'
		);
	});

	it('a partner reads the rule and the domain, with no organisation, item or rating', () => {
		const [r] = ruleReasons(status({ S1: 2, L1: 1 }).reasons);
		const text = ruleReasonText(r!);
		expect(text).toBe(
			'Punainen, koska turvallisuuden kohta on arvioitu 2 tai enemmän. Osa-alueet: Turvallisuus.'
		);
		expect(text).not.toMatch(/Koulu|S1|arvio 2/);
	});

	it('names the rule for every colour, yellow, green and grey included', () => {
		expect(reasonText(status({ L1: 2 }).reasons[0]!, { 'org-school': 'Koulu' })).toMatch(
			/^Keltainen, koska jokin kohta on arvioitu 2 \(toimenpiteitä tarvitaan\)\. L1 /
		);
		expect(reasonText(status({ L1: 0 }).reasons[0]!, {})).toBe(
			'Vihreä, koska yhtään kohtaa ei ole arvioitu 2 tai 3. 1 arvioitu kohta.'
		);
		expect(reasonText({ rule: 'no_assessment' }, {})).toBe(
			'Harmaa, koska lapsesta ei ole vielä arviota.'
		);
	});
});
