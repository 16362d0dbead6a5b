// The family feature's public surface (issue 36): routes and other features import only
// these names, only from here (lint-enforced). Anything else is the feature's own.
export {
	addGuardian,
	endGuardian,
	guardiansOf,
	liftRestriction,
	remindRestrictionReviews,
	restrictGuardian,
	type GuardianInput
} from './guardians';
export { whoReadOurData, READ_LOG_LINES, type ReadLogLine } from './read-log';
export { myChildren, ownChildPage } from './own';
export { familyWords, tellTeam, FAMILY_NOTE_MAX } from './notes';
export {
	giveOwnView,
	myOwnView,
	ownViewChoices,
	ownViewColumn,
	ownViewQuestions
} from './own-view';
export { answerFeedback, FEEDBACK_ASK_DAYS } from './feedback';
export { setPrivacy } from './privacy';
export { replyToMeeting } from './reply';
export { guardiansText } from './view';
