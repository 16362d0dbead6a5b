// Sign-in, sessions and the second factor: the auth feature's public module for routes.
export * from './factor';
export * from './login';
export * from './session';
export * from './totp';
export * from './security-events';
export {
	beginProviderSignIn,
	finishProviderSignIn,
	type ProviderPurpose,
	type ProviderRefusal
} from './provider-sign-in';
export { providerSignOutUrl } from './oidc';
