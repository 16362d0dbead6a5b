import { describe, expect, it } from 'vitest';
import { familyBasis, type FamilyFacts } from './family';

/** Who of the family sees a child (docs/domain.md §11). */
const facts = (over: Partial<FamilyFacts>): FamilyFacts => ({
	dateOfBirth: '2012-06-06',
	birthExpected: false,
	isChild: false,
	isGuardian: false,
	guardianRestricted: false,
	...over
});

describe('familyBasis', () => {
	it('lets the child in from the 12th birthday, in Finnish dates', () => {
		expect(familyBasis(facts({ isChild: true }), '2024-06-05')).toBeNull();
		expect(familyBasis(facts({ isChild: true }), '2024-06-06')).toBe('own_data');
	});

	it('lets a current guardian in unless the team restricted them', () => {
		expect(familyBasis(facts({ isGuardian: true }), '2026-12-05')).toBe('guardian');
		expect(
			familyBasis(facts({ isGuardian: true, guardianRestricted: true }), '2026-12-05')
		).toBeNull();
	});

	it('lets nobody else in, and no one as an unborn child', () => {
		expect(familyBasis(facts({}), '2026-12-05')).toBeNull();
		expect(
			familyBasis(
				facts({ isChild: true, birthExpected: true, dateOfBirth: '2000-01-01' }),
				'2026-12-05'
			)
		).toBeNull();
	});
});
