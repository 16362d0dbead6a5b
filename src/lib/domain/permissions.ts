import { isOneOf } from './one-of';
import { REPORT_ROLES, type Role } from './roles';

/**
 * What each team role may do beyond seeing the team's children (docs/domain.md §2, §5–6). One table,
 * so a newcomer can read the whole policy in one place; services check it through `can`.
 */
export const PERMISSIONS = {
	/** Rule 6: the consultant social worker may set a child's status by hand. */
	overrideStatus: ['consultant_social_worker'],
	/** §6: the consultant social worker triages flags. */
	triageFlag: ['consultant_social_worker'],
	/** §6: the coordinator books consultations and records them. */
	scheduleConsultation: ['coordinator'],
	/** Running an intensive workflow: the responsible and leading workers of the team. */
	manageWorkflow: ['consultant_social_worker', 'social_worker', 'social_instructor'],
	/** §10: whether to start a needs assessment is a qualified social worker's decision. */
	decideContact: ['consultant_social_worker', 'social_worker'],
	/** §11: restricting a guardian's access to the family's pages is a social worker's decision. */
	restrictGuardian: ['consultant_social_worker', 'social_worker'],
	/** §7: the coordinator prepares the weekly meeting; the consultant, who facilitates, may too. */
	runMeeting: ['coordinator', 'consultant_social_worker'],
	/** §7: the family therapist's reflection is the family therapist's own. */
	writeReflection: ['family_therapist'],
	/** §8: the system-level reports, aggregates only (the region's management: every team). */
	readReports: REPORT_ROLES
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
	return !!role && isOneOf(PERMISSIONS[permission], role);
}
