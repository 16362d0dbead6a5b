import { afterEach, describe, expect, it } from 'vitest';
import { m } from '../../../paraglide/messages';
import { getLocale, overwriteGetLocale } from '../../../paraglide/runtime';
import { guardiansText } from './view';

type Guardian = Parameters<typeof guardiansText>[0][number];

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

const guardian = (over: Partial<Guardian>): Guardian => ({
	id: 'g1',
	name: 'Maija Virtanen',
	identityCode: '010180-****',
	locale: 'sv',
	since: '2026-01-15',
	endedOn: null,
	restriction: null,
	version: 1,
	...over
});

describe("a child's guardians in words", () => {
	it('keep every field and add the row texts in the reader language', () => {
		overwriteGetLocale(() => 'en');
		const { guardians, intro, locales } = guardiansText([guardian({})], 'Aino Virtanen');
		expect(intro).toBe(m.guardians_intro({ name: 'Aino Virtanen' }, { locale: 'en' }));
		expect(locales.map((l) => l.label)).toEqual(['suomi', 'svenska', 'English']);
		const [g] = guardians;
		expect(g).toMatchObject({ id: 'g1', version: 1, locale: 'sv', localeText: 'svenska' });
		expect(g!.sinceText).toContain('2026');
		expect(g!.endedText).toBeNull();
		expect(g!.restrictedText).toBeNull();
		expect(g!.endText).toBe(m.guardian_end({ name: 'Maija Virtanen' }, { locale: 'en' }));
		expect(g!.liftText).toBe(m.guardian_lift({ name: 'Maija Virtanen' }, { locale: 'en' }));
	});

	it('say a restriction with its reason and review day, and an ended custody its day', () => {
		const [restricted, ended] = guardiansText(
			[
				guardian({ restriction: { reason: 'Turvallisuus', reviewOn: '2027-02-01' } }),
				guardian({ id: 'g2', endedOn: '2026-06-30' })
			],
			'Aino Virtanen'
		).guardians;
		expect(restricted!.restrictedText).toContain('Turvallisuus');
		expect(restricted!.restrictedText).toContain('2027');
		expect(ended!.endedText).toContain('2026');
	});
});
