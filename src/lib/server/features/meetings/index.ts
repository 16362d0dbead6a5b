/** The weekly systemic team meeting (docs/domain.md §7). */
// The meetings feature's public surface: routes, other features and the HTTP layer import
// only these names, only from here (lint-enforced). Anything else is the feature's own.
export { agendaFacts } from './agenda-facts';
export {
	addToAgenda,
	agendaCandidates,
	meetingSettings,
	meetingView,
	prepareMeeting,
	removeFromAgenda,
	reorderAgenda,
	setFamilyExpected,
	setMeetingSettings,
	teamMeetings,
	teamPeople
} from './meetings';
export {
	addAddendum,
	addHypothesis,
	addStep,
	advanceMeeting,
	discussionView,
	meetingAddenda,
	saveDiscussion,
	saveReflection,
	settleHypothesis,
	settleStep
} from './record';
export { meetingMeasures, myOpenSteps } from './measures';
export { childMeetingHistory } from './history';
// What the meeting page shows: the agenda's sections and reasons in words, with time budgets.
export { agendaSections, agendaText } from './view';
