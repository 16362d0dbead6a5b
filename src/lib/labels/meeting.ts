import type { HypothesisState, MeetingState, StepOutcome } from '../domain/meeting';
import { m } from '../paraglide/messages';

/** Names for the weekly meeting's states (docs/domain.md §7), in the reader's language. */
export function meetingStateLabel(state: MeetingState): string {
	switch (state) {
		case 'planned':
			return m.meeting_state_planned();
		case 'open':
			return m.meeting_state_open();
		case 'closed':
			return m.meeting_state_closed();
	}
}

export function hypothesisStateLabel(state: HypothesisState): string {
	switch (state) {
		case 'open':
			return m.hypothesis_open();
		case 'supported':
			return m.hypothesis_supported();
		case 'set_aside':
			return m.hypothesis_set_aside();
	}
}

export function stepOutcomeLabel(outcome: StepOutcome | null): string {
	switch (outcome) {
		case 'done':
			return m.step_done();
		case 'not_done':
			return m.step_not_done();
		case null:
			return m.step_open();
	}
}
