/** Who may see which child: the checked child context every child-data service takes. */
export {
	assertActorRole,
	assertChildPermission,
	checkChildAccess,
	checkConsultationInvite,
	resolveChildAccess,
	teamContextOf,
	teamMemberships,
	type Actor,
	type ChildContext,
	type StaffContext,
	type TeamContext
} from './child-access';
export {
	checkFamilyChildAccess,
	familyActor,
	familyChildren,
	identityCodeHasAccess,
	type FamilyChild,
	type FamilyChildContext
} from './family-access';
