import { describe, expect, it } from 'vitest';
import { workText } from './view';

describe("the child page's work in words", () => {
	it('names each piece of work and where it stands, the open flag with its deadline', () => {
		const text = workText({
			flags: [
				{ id: 'f1', trigger: 'turned_red', status: 'open', dueOn: '2026-11-03', overdue: true },
				{ id: 'f2', trigger: 'turned_red', status: 'accepted', dueOn: '2026-10-01', overdue: false }
			],
			workflows: [{ id: 'w1', kind: 'intensive_family', state: 'active' }],
			consultations: [{ id: 'c1', state: 'requested', createdAt: new Date('2026-11-02T10:30:00Z') }]
		} as Parameters<typeof workText>[0]);
		expect(text.flags).toEqual([
			{
				id: 'f1',
				name: 'muuttui punaiseksi',
				state: 'käsittelemättä, käsiteltävä viimeistään 3.11.2026',
				overdue: true
			},
			{ id: 'f2', name: 'muuttui punaiseksi', state: 'hyväksytty', overdue: false }
		]);
		expect(text.workflows).toEqual([
			{ id: 'w1', name: 'Tehostettu perhetyö sijoituksen ehkäisemiseksi', state: 'käynnissä' }
		]);
		// In Helsinki time: 12.30 on 2 November.
		expect(text.consultations).toEqual([
			{ id: 'c1', name: expect.stringMatching(/^Pyydetty 2\.11\.2026.*12\.30$/), state: 'pyydetty' }
		]);
	});
});
