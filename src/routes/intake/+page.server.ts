import { TEAM_ROLES } from '$lib/domain/roles';
import { requireRole } from '$lib/server/http/authz';
import { intakeList } from '$lib/server/features/path';
import type { PageServerLoad } from './$types';
import { withClockText } from '$lib/server/features/path';

/** The team's intake: new contacts and needs assessments with their clocks (§10). */
export const load: PageServerLoad = async (event) => {
	const staff = await requireRole(event, ...TEAM_ROLES);
	const list = await intakeList(staff.db, staff);
	return {
		children: list.map((c) => ({
			...c,
			decision: c.decision && withClockText(c.decision),
			needsAssessment: c.needsAssessment && withClockText(c.needsAssessment)
		}))
	};
};
