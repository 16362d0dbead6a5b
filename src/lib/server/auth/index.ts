// Sign-in, sessions and the second factor: the auth module's public surface for routes,
// features and the HTTP layer. Only these names, only from here; the rest is auth's own.
export { factorState, newRecoveryCodes, removeFactor, setupKey } from './factor';
export { login } from './login';
export {
	createSession,
	endOtherSessions,
	endOwnSession,
	invalidateSession,
	invalidateUserSessions,
	listUserSessions,
	markReauthenticated,
	upgradeSession,
	validateSessionToken,
	type SessionUser
} from './session';
export { keyUri, secretText } from './totp';
export { securityEvent } from './security-events';
export {
	beginProviderSignIn,
	finishProviderSignIn,
	type ProviderPurpose,
	type ProviderRefusal
} from './provider-sign-in';
export { providerSignOutUrl } from './oidc';
export {
	beginFamilySignIn,
	finishFamilySignIn,
	type FamilyPurpose,
	type FamilyRefusal
} from './family-sign-in';
export {
	endFamilySession,
	recentlyIdentified,
	validateFamilySession,
	type FamilySessionInfo
} from './family-session';
