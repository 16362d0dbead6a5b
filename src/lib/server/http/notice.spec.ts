import { describe, expect, it } from 'vitest';
import { savedNotice } from './notice';

const of = (query: string) => savedNotice(new URLSearchParams(query));

describe('savedNotice', () => {
	it('says nothing without a saved code', () => {
		expect(of('')).toBeNull();
		expect(of('caseload=25')).toBeNull();
	});

	it("says what happened by the action's code, and plainly for a code it does not know", () => {
		expect(of('saved=decision')).toEqual({
			text: 'Päätös tallennettiin.',
			caseloadWarning: null
		});
		expect(of('saved=toString')!.text).toBe('Tiedot tallennettiin.');
		expect(of('saved=')!.text).toBe('Tiedot tallennettiin.');
	});

	it('warns from the 21st child in a caseload, never for 20 or for nonsense', () => {
		expect(of('saved=contact&caseload=21')!.caseloadWarning).toMatch(/21 lasta/);
		expect(of('saved=contact&caseload=20')!.caseloadWarning).toBeNull();
		expect(of('saved=contact&caseload=abc')!.caseloadWarning).toBeNull();
	});
});
