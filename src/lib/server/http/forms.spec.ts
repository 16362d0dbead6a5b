import { isHttpError, isRedirect, redirect } from '@sveltejs/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { m } from '../../paraglide/messages';
import { getLocale, overwriteGetLocale } from '../../paraglide/runtime';
import { defineForm, readPlainForm } from './forms';

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

describe("a form's labels", () => {
	const original = getLocale;
	afterEach(() => overwriteGetLocale(original));
	const form = defineForm(z.object({ email: z.string(), version: z.number() }), 'login', {
		email: 'email'
	});

	it("come with the form the load shows, in the reader's language, for the shown fields only", async () => {
		overwriteGetLocale(() => 'fi');
		const fi = await form.show();
		overwriteGetLocale(() => 'en');
		const en = await form.show({ email: 'a@example.org' });
		expect(fi.labels).toEqual({ email: m.email({}, { locale: 'fi' }) });
		expect(en.labels).toEqual({ email: m.email({}, { locale: 'en' }) });
		expect(fi.labels.email).not.toBe(en.labels.email);
		expect(fi.id).toBe('login');
	});

	it('are none for a form that names none (a form of buttons only)', async () => {
		const buttons = defineForm(z.object({ version: z.number() }), 'close');
		expect((await buttons.show()).labels).toEqual({});
	});

	it('name only fields the schema has, by messages that exist (checked by the type check)', () => {
		const schema = z.object({ email: z.string() });
		// @ts-expect-error a field the schema does not have
		expect(defineForm(schema, 'x', { mail: 'email' }).id).toBe('x');
		// @ts-expect-error a message key that does not exist
		expect(defineForm(schema, 'x', { email: 'no_such_message' }).id).toBe('x');
	});
});
