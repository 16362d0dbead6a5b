// The status feature's public surface: routes, other features and the HTTP layer import
// only these names, only from here (lint-enforced). Anything else is the feature's own.
export { overrideFormState, setOverride } from './override';
export { childOverview } from './overview';
export { childStatusView } from './child-status';
export { keepMonth, keepMonthColours } from './month-colours';
export { currentAssessments, latestOwnViews, lockChild, recomputeChildStatus } from './status';
export { shownColour } from './shown-colour';
// What a page shows of a status: reasons, signals and the rating grid in words.
export { gridText, statusColours, statusText, type GridText, type StatusText } from './view';
// The instrument's items and domains and a rule's reason in plain words, for other presenters.
export { domainText, itemText, ruleReasonText } from './reason-text';
export { onStatusChange, storedFacts, type StatusChange } from './events';
