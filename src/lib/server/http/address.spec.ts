import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './address';

describe('clientAddress', () => {
	const locals = { requestId: 'r' } as App.Locals;
	it('is the adapter’s address when it has one', () => {
		expect(clientAddress({ getClientAddress: () => '10.0.0.1', locals })).toBe('10.0.0.1');
	});

	it('answers 400 in words, not 500, when the proxy’s address header is missing', () => {
		const missing = () => {
			throw new Error('Address header was requested to be x-forwarded-for, but is absent');
		};
		let thrown: unknown;
		try {
			clientAddress({ getClientAddress: missing, locals });
		} catch (e) {
			thrown = e;
		}
		expect(isHttpError(thrown, 400)).toBe(true);
		expect((thrown as { body: { message: string } }).body.message).toMatch(/osoite/);
	});
});
