import { m } from '../paraglide/messages';

/** A request's urgency, in words. One module per label: a page loads the whole module (ADR 028). */
export function urgencyLabel(u: 'normal' | 'urgent'): string {
	return u === 'urgent' ? m.urgency_urgent() : m.urgency_normal();
}
