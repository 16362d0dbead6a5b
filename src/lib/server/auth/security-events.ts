import { log } from '../log';

/**
 * Security events (issue 38): one JSON line each on the server's log, for the region's
 * monitoring to alert on (many failed sign-ins, a lockout, a factor reset, a role given).
 * Only ids, never personal data: no e-mail, name or address; the people are found by their
 * user id in the app when needed. Written after the change is committed.
 */
export type SecurityEventKind =
	| 'sign_in_password_accepted'
	| 'sign_in_password_refused'
	| 'sign_in_locked'
	| 'sign_in_provider_accepted'
	| 'sign_in_provider_refused'
	| 'provider_account_created'
	| 'provider_identity_linked'
	| 'provider_leaver_deactivated'
	| 'code_accepted'
	| 'sign_in_code_refused'
	| 'sign_in_code_locked'
	| 'recovery_code_used'
	| 'factor_set_up'
	| 'factor_reset'
	| 'user_deactivated'
	| 'user_activated'
	| 'role_given'
	| 'role_removed'
	| 'membership_approved'
	| 'membership_refused'
	| 'password_link_sent'
	| 'family_sign_in_accepted'
	| 'family_sign_in_refused'
	| 'export';

export type SecurityEventFacts = {
	/** Whose account the event is about (absent: an e-mail that matches no account). */
	userId?: string | null;
	/** Who did it, where that is someone else (an admin giving a role). */
	actorId?: string | null;
	requestId?: string | null;
	/** A role, an export's kind: words from the app's own lists, nothing typed by a person. */
	what?: string;
};

export function securityEvent(kind: SecurityEventKind, facts: SecurityEventFacts = {}) {
	log.info({ event: 'security', kind, ...facts }, 'security event');
}
