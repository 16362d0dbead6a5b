// The admin feature's public surface: routes, other features and the HTTP layer import
// only these names, only from here (lint-enforced). Anything else is the feature's own.
export {
	addMembership,
	createOrganisation,
	createTeam,
	createUser,
	decideMembership,
	getOrganisation,
	getTeam,
	getUser,
	issuePasswordLink,
	listOrganisations,
	listTeams,
	listUsers,
	removeMembership,
	resetFactor,
	sendPasswordLink,
	setUserActive,
	teamMembers,
	updateOrganisation,
	updateTeam,
	updateUser
} from './admin';
