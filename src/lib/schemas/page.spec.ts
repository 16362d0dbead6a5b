import { describe, expect, it } from 'vitest';
import { parsePage } from './common';

describe('parsePage', () => {
	it('reads a page number and turns anything else into page 1', () => {
		const q = (s: string) => new URLSearchParams(s);
		expect(parsePage(q('page=3'))).toBe(3);
		expect(parsePage(q('inboxPage=2'), 'inboxPage')).toBe(2);
		for (const bad of ['', 'page=', 'page=x', 'page=-2', 'page=0', 'page=1.5', 'page=1e9'])
			expect(parsePage(q(bad))).toBe(1);
	});
});
