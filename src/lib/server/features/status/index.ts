// The status feature's public surface: routes, other features and the HTTP layer import
// only these names, only from here (lint-enforced). Anything else is the feature's own.
export { overrideFormState, setOverride } from './override';
export { childOverview } from './overview';
export { childStatusView } from './status-view';
export { currentAssessments, lockChild, recomputeChildStatus } from './status';
export { shownColour } from './shown-colour';
