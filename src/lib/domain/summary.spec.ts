import { describe, expect, it } from 'vitest';
import { summaryByKind } from './summary';

describe('a family summary of the partners’ assessments', () => {
	it('says per kind of partner which domains worry it and which go well', () => {
		const out = summaryByKind([
			{
				organisationKind: 'school',
				ratings: { S1: { rating: 2 }, H1: { rating: 0 }, E1: { rating: 1 } }
			},
			{
				organisationKind: 'child_health_clinic',
				ratings: { H1: { rating: 3 }, S1: { rating: null } }
			}
		]);
		expect(out).toEqual([
			{ kind: 'school', worried: ['S'], going_well: ['H', 'E'] },
			{ kind: 'child_health_clinic', worried: ['H'], going_well: [] }
		]);
	});

	it('takes the highest rating when one kind has several assessments', () => {
		const out = summaryByKind([
			{ organisationKind: 'school', ratings: { H1: { rating: 0 } } },
			{ organisationKind: 'school', ratings: { H2: { rating: 2 } } }
		]);
		expect(out).toEqual([{ kind: 'school', worried: ['H'], going_well: [] }]);
	});

	it('leaves out unknown items and unrated domains', () => {
		expect(summaryByKind([{ organisationKind: 'school', ratings: { X9: { rating: 3 } } }])).toEqual(
			[{ kind: 'school', worried: [], going_well: [] }]
		);
		expect(summaryByKind([])).toEqual([]);
	});
});
