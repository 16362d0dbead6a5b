/** Who may see which child: the checked child context every child-data service takes. */
export {
	assertActorRole,
	assertChildPermission,
	checkChildAccess,
	checkConsultationInvite,
	resolveChildAccess,
	teamMemberships,
	type Actor,
	type ChildContext,
	type Viewer
} from './child-access';
