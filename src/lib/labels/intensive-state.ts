import type { IntensiveState } from '../domain/workflows';
import { m } from '../paraglide/messages';

/** An intensive workflow's state, in words. One module per label: a page loads the whole module (ADR 028). */
export function intensiveStateLabel(s: IntensiveState): string {
	switch (s) {
		case 'proposed':
			return m.intensive_state_proposed();
		case 'active':
			return m.intensive_state_active();
		case 'closed':
			return m.intensive_state_closed();
	}
}
