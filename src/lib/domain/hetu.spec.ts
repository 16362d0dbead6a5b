import { describe, expect, it } from 'vitest';
import { checkChar, makeHetu, maskHetu, parseHetu } from './hetu';

describe('parseHetu', () => {
	// Valid codes for every century sign (DVV's published examples and codes checked by hand).
	it.each([
		['010101+0101', '1801-01-01'],
		['131052-308T', '1952-10-13'],
		['131052Y308T', '1952-10-13'],
		['131052X308T', '1952-10-13'],
		['131052W308T', '1952-10-13'],
		['131052V308T', '1952-10-13'],
		['131052U308T', '1952-10-13'],
		['010594Y9032', '1994-05-01'],
		['010594Y9021', '1994-05-01'],
		['020594X903P', '1994-05-02'],
		['020594X902N', '1994-05-02'],
		['030594W903B', '1994-05-03'],
		['040594V9030', '1994-05-04'],
		['050594U903M', '1994-05-05'],
		['010516B903X', '2016-05-01'],
		['010516A902W', '2016-05-01'],
		['020516C903K', '2016-05-02'],
		['030516D9037', '2016-05-03'],
		['010501E9032', '2001-05-01'],
		['020502F903Y', '2002-05-02']
	])('%s is valid, born %s', (code, birth) => {
		const r = parseHetu(code);
		expect(r, code).toMatchObject({ valid: true, normalized: code });
		if (r.valid) expect(r.birthDate).toBe(birth);
	});

	it('accepts lower case and spaces around, and normalises them', () => {
		expect(parseHetu(' 131052-308t ')).toMatchObject({ valid: true, normalized: '131052-308T' });
	});

	it.each([
		['131052-308U', 'checksum'],
		['131052Y308A', 'checksum'],
		['010516B903Y', 'checksum'],
		['010101+0100', 'checksum'],
		['131052G308T', 'format'],
		['131052-308', 'format'],
		['1310523308T', 'format'],
		['', 'format'],
		['310452-308T', 'date'],
		['290223A9026', 'date'],
		['131352-308T', 'date'],
		['131052-000H', 'individual_number'],
		['131052-0012', 'individual_number']
	])('%s is refused (%s)', (code, problem) => {
		expect(parseHetu(code)).toEqual({ valid: false, problem });
	});

	it('knows leap years: 29.2.2024 exists, 29.2.2023 does not', () => {
		expect(parseHetu(makeHetu('2024-02-29', 902)).valid).toBe(true);
		const body = '290223';
		expect(parseHetu(`${body}A902${checkChar(body + '902')}`)).toEqual({
			valid: false,
			problem: 'date'
		});
	});
});

describe('makeHetu and maskHetu', () => {
	it('builds valid codes for each century', () => {
		for (const [d, sign] of [
			['1899-12-31', '+'],
			['1950-06-15', '-'],
			['1950-06-15', 'Y'],
			['2012-03-04', 'A'],
			['2012-03-04', 'F']
		] as const) {
			const code = makeHetu(d, 923, sign);
			expect(parseHetu(code)).toMatchObject({ valid: true, birthDate: d });
		}
	});
	it('masks everything after the century sign', () => {
		expect(maskHetu('131052-308T')).toBe('131052-****');
	});
});
