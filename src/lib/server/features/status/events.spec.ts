import { describe, expect, it } from 'vitest';
import { statusEvents, type StatusChange } from './events';

// A list of their own: the app's listeners (the flags feature) are registered in the app's,
// and these tests must neither see nor add to them.

const change = (): StatusChange => ({
	tx: {} as StatusChange['tx'],
	childId: crypto.randomUUID(),
	before: null,
	after: { colour: 'red', signals: [], domainColours: {}, substance: null },
	now: new Date()
});

describe('status change events (ADR 038)', () => {
	it('are refused when no feature listens, so a recompute cannot silently raise nothing', async () => {
		const events = statusEvents();
		await expect(events.changed(change())).rejects.toThrow(/listens/);
	});

	it('reach every listener once, in order, with the recompute’s transaction', async () => {
		const events = statusEvents();
		const heard: string[] = [];
		const first = (c: StatusChange) => Promise.resolve(void heard.push(`first ${c.childId}`));
		const second = (c: StatusChange) => Promise.resolve(void heard.push(`second ${c.childId}`));
		events.on(first);
		events.on(second);
		events.on(first);
		const c = change();
		await events.changed(c);
		expect(heard).toEqual([`first ${c.childId}`, `second ${c.childId}`]);
	});

	it('stop the recompute when a listener fails (its transaction then rolls back)', async () => {
		const events = statusEvents();
		events.on(() => Promise.reject(new Error('flag insert failed')));
		await expect(events.changed(change())).rejects.toThrow('flag insert failed');
	});
});
