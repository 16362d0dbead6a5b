// The grants feature's public surface: routes, other features and the HTTP layer import
// only these names, only from here (lint-enforced). Anything else is the feature's own.
export {
	createAssessmentRequest,
	createGrant,
	createPlacement,
	endPlacement,
	partnerInbox,
	partnerOrganisations,
	requestsForChild,
	grantsOfChild,
	revokeGrant
} from './grants';
export { answerInformationRequest, informationAnswers, informationRequest } from './answers';
export { inboxText, type InboxText } from './view';
