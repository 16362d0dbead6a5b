// The consultations feature's public surface: routes, other features and the HTTP layer import
// only these names, only from here (lint-enforced). Anything else is the feature's own.
export {
	type ConsultationChange,
	changeConsultation,
	childOfConsultation,
	consultationOrganisations,
	consultationsForChild,
	findInvitees,
	FOUND_AT_MOST,
	ALL_INVITABLE_UP_TO,
	getConsultation,
	type Invitee,
	participantChoices,
	requestConsultation
} from './consultations';
