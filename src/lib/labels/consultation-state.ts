import type { ConsultationState } from '../domain/workflows';
import { m } from '../paraglide/messages';

/** A consultation's state, in words. One module per label: a page loads the whole module (ADR 028). */
export function consultationStateLabel(s: ConsultationState): string {
	switch (s) {
		case 'requested':
			return m.consultation_state_requested();
		case 'scheduled':
			return m.consultation_state_scheduled();
		case 'held':
			return m.consultation_state_held();
		case 'closed':
			return m.consultation_state_closed();
		case 'declined':
			return m.consultation_state_declined();
	}
}
