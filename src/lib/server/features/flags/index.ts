// The flags feature's public surface: routes, other features and the HTTP layer import
// only these names, only from here (lint-enforced). Anything else is the feature's own.
export {
	childOfFlag,
	flagsForChild,
	getFlag,
	raiseFlag,
	raiseFlagsForStatusChange,
	storedFacts,
	teamFlags,
	triageFlag
} from './flags';
