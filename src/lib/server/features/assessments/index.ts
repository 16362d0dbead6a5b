// The assessments feature's public surface: routes, other features and the HTTP layer import
// only these names, only from here (lint-enforced). Anything else is the feature's own.
export {
	type AssessmentContent,
	childOfAssessment,
	contentFromForm,
	formFromContent,
	getAssessment,
	listAssessments,
	saveAssessment,
	startCorrection
} from './assessments';
export { assessmentFormText, type AssessmentFormText } from './view';
