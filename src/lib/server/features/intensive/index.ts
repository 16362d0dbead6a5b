// The intensive feature's public surface: routes, other features and the HTTP layer import
// only these names, only from here (lint-enforced). Anything else is the feature's own.
export {
	type WorkflowChange,
	changeWorkflow,
	childOfWorkflow,
	getWorkflow,
	openPlanSteps,
	teamWork,
	workflowsForChild
} from './intensive';
