import type { childSchema } from '$lib/schemas/children';
import type { FormLabels } from '$lib/server/http/forms';

/** The child form's labels (ChildForm), for the new child's page and the edit page alike. */
export const childLabels = {
	givenName: 'child_given_name',
	familyName: 'child_family_name',
	dateOfBirth: 'child_date_of_birth',
	personalIdentityCode: 'child_hetu',
	homeMunicipality: 'child_municipality',
	responsibleWorkerId: 'child_responsible_worker',
	secondWorkerId: 'path_second_worker',
	caseloadReason: 'caseload_reason'
} as const satisfies FormLabels<typeof childSchema>;
