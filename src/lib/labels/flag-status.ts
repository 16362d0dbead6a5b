import { m } from '../paraglide/messages';

/** A flag's status, in words. One module per label: a page loads the whole module (ADR 028). */
export function flagStatusLabel(s: 'open' | 'accepted' | 'dismissed'): string {
	switch (s) {
		case 'open':
			return m.flag_status_open();
		case 'accepted':
			return m.flag_status_accepted();
		case 'dismissed':
			return m.flag_status_dismissed();
	}
}
