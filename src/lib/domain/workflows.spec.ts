import { describe, expect, it } from 'vitest';
import {
	allowedActions,
	CONSULTATION,
	CONSULTATION_ACTIONS,
	CONSULTATION_STATES,
	INTENSIVE,
	INTENSIVE_ACTIONS,
	INTENSIVE_STATES,
	transition
} from './workflows';

const allowedIntensive: Record<string, string> = {
	'proposed/activate': 'active',
	'active/close': 'closed'
};
const allowedConsultation: Record<string, string> = {
	'requested/schedule': 'scheduled',
	'requested/decline': 'declined',
	'scheduled/schedule': 'scheduled',
	'scheduled/record': 'held',
	'scheduled/decline': 'declined',
	'held/close': 'closed'
};

describe('intensive workflow: proposed → active → closed', () => {
	const cases = INTENSIVE_STATES.flatMap((s) => INTENSIVE_ACTIONS.map((a) => [s, a] as const));
	it.each(cases)('%s + %s', (from, action) => {
		const r = transition(INTENSIVE, from, action);
		const expected = allowedIntensive[`${from}/${action}`];
		if (expected) expect(r).toEqual({ ok: true, to: expected });
		else expect(r).toEqual({ ok: false, from, action });
	});
	it('offers only what is allowed', () => {
		expect(allowedActions(INTENSIVE, 'proposed')).toEqual(['activate']);
		expect(allowedActions(INTENSIVE, 'closed')).toEqual([]);
	});
});

describe('consultation: requested → scheduled → held → closed, or declined', () => {
	const cases = CONSULTATION_STATES.flatMap((s) =>
		CONSULTATION_ACTIONS.map((a) => [s, a] as const)
	);
	it.each(cases)('%s + %s', (from, action) => {
		const r = transition(CONSULTATION, from, action);
		const expected = allowedConsultation[`${from}/${action}`];
		if (expected) expect(r).toEqual({ ok: true, to: expected });
		else expect(r).toEqual({ ok: false, from, action });
	});
	it('closed and declined are final', () => {
		expect(allowedActions(CONSULTATION, 'closed')).toEqual([]);
		expect(allowedActions(CONSULTATION, 'declined')).toEqual([]);
	});
});
