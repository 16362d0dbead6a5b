// The children feature's public surface: routes, other features and the HTTP layer import
// only these names, only from here (lint-enforced). Anything else is the feature's own.
export { exportChildAccessLog } from './access-log-export';
export {
	childTeamWorkers,
	createChild,
	emergencyPhoneFor,
	getChild,
	listTeamChildren,
	revealIdentityCode,
	searchChildren,
	teamWorkers,
	updateChild
} from './children';
