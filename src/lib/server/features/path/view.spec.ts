import { afterEach, describe, expect, it } from 'vitest';
import { CONTACT_KINDS, NOTIFIER_KINDS } from '../../../domain/path';
import { contactKindLabel } from '../../../labels/path';
import { getLocale, overwriteGetLocale } from '../../../paraglide/runtime';
import { contactFieldsText } from './view';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

describe("a contact's fields in words", () => {
	it('offer every kind and notifier kind, named in the reader language', () => {
		overwriteGetLocale(() => 'sv');
		const text = contactFieldsText();
		expect(text.kinds.map((k) => k.value)).toEqual([...CONTACT_KINDS]);
		expect(text.notifierKinds.map((k) => k.value)).toEqual([...NOTIFIER_KINDS]);
		expect(text.kinds[0]!.label).toBe(contactKindLabel(CONTACT_KINDS[0]));
		overwriteGetLocale(() => 'fi');
		expect(contactFieldsText().kinds[0]!.label).not.toBe(text.kinds[0]!.label);
	});

	it('answer urgency yes, no or later (empty), in that order', () => {
		expect(contactFieldsText().urgency.map((u) => u.value)).toEqual(['yes', 'no', '']);
	});
});
