import { isHttpError, isRedirect, redirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { m } from '../../paraglide/messages';
import { readPlainForm } from './forms';

const schema = z.object({ id: z.uuid() });
const ID = '7d3b8c1e-2f4a-4b5c-9d6e-0f1a2b3c4d5e';

const post = (body: string, type = 'application/x-www-form-urlencoded') =>
	new Request('http://localhost/x', { method: 'POST', headers: { 'content-type': type }, body });

const thrownBy = async (work: () => Promise<unknown>) => {
	try {
		await work();
	} catch (e) {
		return e;
	}
	throw new Error('nothing was thrown');
};

describe('a plain form with one button', () => {
	it('gives its fields as the schema types them', async () => {
		expect(await readPlainForm(post(`id=${ID}`), schema)).toEqual({ id: ID });
	});

	it('answers input the form could not have sent with a 400 in words', async () => {
		const e = await thrownBy(() => readPlainForm(post('id=not-an-id'), schema));
		expect(isHttpError(e, 400)).toBe(true);
		expect((e as { body: { message: string } }).body.message).toBe(m.error_form_invalid());
	});

	it('answers as the route says where it says otherwise', async () => {
		const e = await thrownBy(() => readPlainForm(post(''), schema, () => redirect(303, '/')));
		expect(isRedirect(e)).toBe(true);
	});

	it('refuses a body an HTML form does not send (415)', async () => {
		const e = await thrownBy(() => readPlainForm(post(`id=${ID}`, 'text/plain'), schema));
		expect(isHttpError(e, 415)).toBe(true);
	});
});
