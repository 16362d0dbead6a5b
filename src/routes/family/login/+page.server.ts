import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { FamilyRefusal } from '$lib/server/auth';
import { familySignInConfigured } from '$lib/server/http/family';
import { safeNext } from '$lib/server/http/redirect';
import type { PageServerLoad } from './$types';

const PROBLEMS: Record<FamilyRefusal, () => string> = {
	expired: m.family_problem_expired,
	failed: m.family_problem_failed,
	unavailable: m.family_problem_unavailable,
	weak_identification: m.family_problem_weak,
	no_access: m.family_problem_no_access,
	other_person: m.family_problem_other_person
};
// Any other value in the URL is no problem to show.
const problem = z.custom<FamilyRefusal>((v) => typeof v === 'string' && Object.hasOwn(PROBLEMS, v));

/**
 * The family's way in (DOMAIN §11–12): one button to Suomi.fi, a plain "not in use", or
 * what happened to the last try (its words made here, ADR 028). A person who is neither a
 * guardian nor the child is told there is nothing for them, with no button to try again.
 */
export const load: PageServerLoad = ({ url }) => {
	const shown = problem.safeParse(url.searchParams.get('problem'));
	return {
		configured: familySignInConfigured(),
		loggedOut: url.searchParams.get('logged_out') === '1',
		next: safeNext(url.searchParams.get('next'), '/family'),
		problem: shown.success
			? {
					noAccess: shown.data === 'no_access',
					title:
						shown.data === 'no_access'
							? m.family_problem_no_access_title()
							: m.family_problem_title(),
					text: PROBLEMS[shown.data]()
				}
			: null
	};
};
