import type { FlagTrigger } from '../domain/flags';
import { m } from '../paraglide/messages';

/** What raised a flag, in words. One module per label: a page loads the whole module (ADR 028). */
export function triggerLabel(t: FlagTrigger): string {
	switch (t) {
		case 'turned_red':
			return m.trigger_turned_red();
		case 'disagreement':
			return m.trigger_disagreement();
		case 'substance':
			return m.trigger_substance();
		case 'consultation_requested':
			return m.trigger_consultation_requested();
		case 'not_safe':
			return m.trigger_not_safe();
	}
}
