import type { IntensiveOutcome } from '../domain/workflows';
import { m } from '../paraglide/messages';

/** An intensive workflow's outcome, in words. One module per label: a page loads the whole module (ADR 028). */
export function outcomeLabel(o: IntensiveOutcome): string {
	switch (o) {
		case 'improved':
			return m.outcome_improved();
		case 'unchanged':
			return m.outcome_unchanged();
		case 'placement':
			return m.outcome_placement();
		case 'moved_away':
			return m.outcome_moved_away();
		case 'other':
			return m.outcome_other();
	}
}
