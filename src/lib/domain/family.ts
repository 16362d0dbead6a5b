import { ageOn } from './flags';

/*
 * Who of the family may come in, and on what basis (docs/domain.md §11): the child's
 * guardians as the team records them, and the child from 12 (who has the right to be
 * heard: Administrative Procedure Act 34 §, Child Welfare Act 20 §). Pure: the caller
 * brings the facts, and decides on every request (custody ends, a child turns 12).
 */

/** The age from which the child signs in to see their own data. */
export const OWN_VIEW_AGE = 12;
/** The age from which a young person may ask that their own words are not shown to guardians. */
export const OWN_WORDS_AGE = 15;

/** `guardian`: a guardian recorded on the child. `own_data`: the child themself. */
export type FamilyBasis = 'guardian' | 'own_data';

export type FamilyFacts = {
	dateOfBirth: string;
	birthExpected: boolean;
	/** The child's own identity code equals the person's. */
	isChild: boolean;
	/** A current (not ended) guardian record of the person on this child. */
	isGuardian: boolean;
	/** The team restricted this guardian's access (reason and review date on record). */
	guardianRestricted: boolean;
};

/** The basis on which the person sees this child, or null: nothing to see. */
export function familyBasis(facts: FamilyFacts, today: string): FamilyBasis | null {
	if (facts.isChild && !facts.birthExpected && ageOn(facts.dateOfBirth, today) >= OWN_VIEW_AGE)
		return 'own_data';
	if (facts.isGuardian && !facts.guardianRestricted) return 'guardian';
	return null;
}

/** Whether the child is old enough to ask that their words are kept from their guardians. */
export function mayKeepWordsFromGuardians(dateOfBirth: string, today: string): boolean {
	return ageOn(dateOfBirth, today) >= OWN_WORDS_AGE;
}
