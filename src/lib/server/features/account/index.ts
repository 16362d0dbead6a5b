// The account feature's public surface: routes, other features and the HTTP layer import
// only these names, only from here (lint-enforced). Anything else is the feature's own.
export {
	LOCALE_CHOSEN_COOKIE,
	ThrottledError,
	awaitingApproval,
	changeOwnPassword,
	deleteSpentPasswordLinks,
	ownSignInState,
	passwordLinkValid,
	preferredLocaleOf,
	setPasswordWithLink,
	setPreferredLocale
} from './account';
