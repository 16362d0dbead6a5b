import type { AccessBasis } from '../domain/access';
import { m } from '../paraglide/messages';

/** The name of a basis for seeing a child's data. One module per label: a page loads the whole module (ADR 028). */
export function basisLabel(basis: AccessBasis): string {
	switch (basis) {
		case 'team':
			return m.basis_team();
		case 'consent':
			return m.basis_consent();
		case 'statutory_request':
			return m.basis_statutory_request();
		case 'notification':
			return m.basis_notification();
		case 'placement':
			return m.basis_placement();
		case 'workflow':
			return m.basis_workflow();
		case 'consultation_invite':
			return m.basis_consultation_invite();
		case 'notifier':
			return m.basis_notifier();
	}
}
