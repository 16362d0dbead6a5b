import { isOneOf } from './one-of';
import { isTeamRole, type OrganisationKind, type Role } from './roles';

/** Who may see a child, and on what basis (docs/domain.md §3). Pure: the caller brings the facts. */

export const GRANT_BASES = [
	'consent',
	'statutory_request',
	// Ended (§3 revised): filing a notification gives no access. The value stays only so that
	// the grants made before, all ended by migration 0017, can still be read and shown.
	'notification',
	'placement',
	// A partner organisation involved in an intensive workflow, for the workflow's life.
	'workflow'
] as const;
export type GrantBasis = (typeof GRANT_BASES)[number];
/** The bases a grant may still be made on (the team's form offers the first two). */
export type LiveGrantBasis = Exclude<GrantBasis, 'notification'>;
/** The bases that give no access, whatever a row says. */
export const ENDED_BASES: readonly GrantBasis[] = ['notification'];
/**
 * 'team': the child's own team ("the whole team knows every child"). 'consultation_invite':
 * an organisation or person invited to one consultation, for that consultation only.
 * 'notifier': the organisation that filed a notification, for that notification and its
 * receipt only, never for the child's record (§3).
 */
export type AccessBasis = 'team' | GrantBasis | 'consultation_invite' | 'notifier';
/** Every staff basis, for telling one from a family member's (`guardian`, `own_data`). */
export const ACCESS_BASES: readonly AccessBasis[] = [
	'team',
	...GRANT_BASES,
	'consultation_invite',
	'notifier'
];

export type ViewerMembership = {
	role: Role;
	organisationId: string;
	organisationKind: OrganisationKind;
	teamId: string | null;
};

export type GrantFact = {
	organisationId: string;
	basis: GrantBasis;
	validFrom: string;
	validUntil: string | null;
	revokedAt: Date | null;
};

export type ChildFacts = { teamId: string; grants: GrantFact[] };

export type ChildAccess<M extends ViewerMembership = ViewerMembership> = {
	membership: M;
	basis: AccessBasis;
	kind: 'team' | 'partner';
};

/** Dates are compared as ISO date strings (YYYY-MM-DD) in Finnish time. */
export function grantValid(g: GrantFact, today: string): boolean {
	return (
		!ENDED_BASES.includes(g.basis) &&
		!g.revokedAt &&
		g.validFrom <= today &&
		(g.validUntil === null || today <= g.validUntil)
	);
}

export function childAccess<M extends ViewerMembership>(
	memberships: readonly M[],
	facts: ChildFacts,
	today: string
): ChildAccess<M> | null {
	for (const m of memberships) {
		if (isTeamRole(m.role) && m.teamId === facts.teamId) {
			return { membership: m, basis: 'team', kind: 'team' };
		}
	}
	for (const m of memberships) {
		if (m.role !== 'partner' && m.role !== 'residential_staff') continue;
		const grant = facts.grants.find(
			(g) =>
				g.organisationId === m.organisationId &&
				grantValid(g, today) &&
				// A residential unit reaches a child only through the placement basis.
				(m.role === 'partner' || g.basis === 'placement')
		);
		if (grant) return { membership: m, basis: grant.basis, kind: 'partner' };
	}
	return null;
}

/** The consultation states in which an invitation gives access: it ends with the meeting's closing. */
export const INVITE_OPEN_STATES = ['scheduled', 'held'] as const;

/**
 * An invitation to one consultation (docs/domain.md §6): a partner or unit membership of an
 * invited organisation, or the invited person, while the consultation is open. It reaches
 * that consultation only; the caller never uses it for the rest of the child's record.
 */
export function inviteAccess<M extends ViewerMembership>(
	userId: string,
	memberships: readonly M[],
	invite: { organisationIds: readonly string[]; userIds: readonly string[]; state: string }
): ChildAccess<M> | null {
	if (!isOneOf(INVITE_OPEN_STATES, invite.state)) return null;
	const external = memberships.filter(
		(m) => m.role === 'partner' || m.role === 'residential_staff'
	);
	const m =
		external.find((x) => invite.organisationIds.includes(x.organisationId)) ??
		(invite.userIds.includes(userId) ? external[0] : undefined);
	return m ? { membership: m, basis: 'consultation_invite', kind: 'partner' } : null;
}

// Made once: building a formatter costs ~100 times using one, and this runs per row.
const HELSINKI_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' });

/** Today's date in Finland, as YYYY-MM-DD. */
export function helsinkiDate(now: Date = new Date()): string {
	return HELSINKI_DATE.format(now);
}
