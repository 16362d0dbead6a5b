import { describe, expect, it } from 'vitest';
import { agendaTimeBudget, type TimedItem } from './agenda-time';

const item = (section: string, sibling = false): TimedItem => ({ section, sibling });
const many = (n: number, section: string) => Array.from({ length: n }, () => item(section));

describe('agendaTimeBudget', () => {
	it('gives a child who needs the team now twice a rotation child’s time', () => {
		const b = agendaTimeBudget([item('open_flag'), item('rotation'), item('rotation')], 120);
		// 2 + 1 + 1 shares of 30 minutes.
		expect(b.minutes).toEqual([60, 30, 30]);
		expect(b.rotationPlanned).toBe(2);
		expect(b.overfull).toBe(false);
	});

	it('lets a sibling share its family’s time', () => {
		const b = agendaTimeBudget([item('colour_change'), item('family', true), item('rotation')], 60);
		expect(b.minutes).toEqual([40, 0, 20]);
	});

	it('plans only the rotation children that fit at five minutes each, the first ones', () => {
		// 60 minutes = 12 shares of 5: 4 priority items take 8, so 4 of 20 rotation children fit.
		const b = agendaTimeBudget([...many(4, 'open_flag'), ...many(20, 'rotation')], 60);
		expect(b.rotationPlanned).toBe(4);
		expect(b.minutes.slice(0, 4)).toEqual([10, 10, 10, 10]);
		expect(b.minutes.slice(4, 8)).toEqual([5, 5, 5, 5]);
		expect(b.minutes.slice(8).every((m) => m === 0)).toBe(true);
		expect(b.overfull).toBe(false);
	});

	it('says when the children who need the team now do not fit', () => {
		const b = agendaTimeBudget([...many(8, 'deadline'), item('rotation')], 60);
		expect(b.overfull).toBe(true);
		expect(b.rotationPlanned).toBe(0);
		// The time is still shared among them, however short.
		expect(b.minutes.slice(0, 8)).toEqual(Array(8).fill(7));
		expect(b.minutes[8]).toBe(0);
	});

	it('handles an empty agenda', () => {
		expect(agendaTimeBudget([], 120)).toEqual({ minutes: [], rotationPlanned: 0, overfull: false });
	});
});
