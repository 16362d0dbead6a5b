// The path feature's public surface: routes, other features and the HTTP layer import
// only these names, only from here (lint-enforced). Anything else is the feature's own.
export {
	assertCanBeResponsible,
	caseloadOverview,
	claimIfCounted,
	responsibleOptions,
	teamCaseloads,
	workerCaseload
} from './caseload';
export {
	assessUrgency,
	decideContact,
	fileContact,
	fileContactForNewChild,
	getContact,
	intakeTeams
} from './contacts';
export { linkSiblings, siblingsOf, unlinkFromFamily } from './family';
export { changePhase } from './phases';
export { familySummary } from './summary';
export { summaryText, type SummaryText } from './summary-text';
export { childPath, intakeList, nearestClocks } from './reads';
export { listReceipts, requireReceipt } from './receipts';
export {
	addMissingEmergencyClocks,
	changePlacement,
	extendEmergencyPlacement,
	recordCareOrderApplication
} from './placements';
export {
	clientPlanVersion,
	clientPlans,
	familyClientPlan,
	latestClientPlan,
	saveClientPlan
} from './client-plans';
export { recordBirth } from './births';
// What a page shows of the path: dates and clock states in words (the presenter).
export {
	clockText,
	contactFieldsText,
	contactFormStart,
	contactText,
	nearestClockText,
	pathText,
	withClockText,
	type ClockText,
	type ClockTone,
	type ContactFieldsText,
	type PathText
} from './view';
