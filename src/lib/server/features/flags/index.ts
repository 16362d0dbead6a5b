import { onStatusChange } from '../status';
import { raiseFlagsForStatusChange } from './flags';

// The flags feature's public surface: routes, other features and the HTTP layer import
// only these names, only from here (lint-enforced). Anything else is the feature's own.
export { childOfFlag, flagsForChild, getFlag, raiseFlag, teamFlags, triageFlag } from './flags';

// A status change raises the flags it calls for, in the recompute's transaction (ADR 038).
onStatusChange((c) => raiseFlagsForStatusChange(c.tx, c.childId, c.before, c.after, c.now));
