import { describe, expect, it } from 'vitest';
import { together } from './together';

const after = <T>(ms: number, value: T, fail = false) =>
	new Promise<T>((resolve, reject) =>
		setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms)
	);

describe('reads started together', () => {
	it('gives every result under its name', async () => {
		expect(await together({ a: after(20, 'a'), b: after(1, 2), c: null })).toEqual({
			a: 'a',
			b: 2,
			c: null
		});
	});

	it('waits for every part before it throws the first failure', async () => {
		let slowDone = false;
		const slow = after(40, 'slow').then((v) => ((slowDone = true), v));
		await expect(
			together({ first: after(1, 'first', true), slow, second: after(5, 'second', true) })
		).rejects.toThrow('first');
		// Promise.all would have thrown at once, with the slow read still running.
		expect(slowDone).toBe(true);
	});
});
