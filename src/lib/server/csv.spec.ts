import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
	it.each([
		['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
		['@SUM(1+1)*cmd', `'@SUM(1+1)*cmd`],
		['+1+2', `'+1+2`],
		['-2+3', `'-2+3`],
		['\tcmd', `'\tcmd`]
	])('writes %j as text, never as a formula', (value, cell) => {
		const out = toCsv(['name'], [[value]]);
		expect(out.split('\n')[1]).toBe(cell);
	});

	it('leaves ordinary text, numbers and empty cells as they are', () => {
		expect(toCsv(['a', 'b', 'c'], [['Aino Mäkinen', 3, null]])).toBe('a,b,c\nAino Mäkinen,3,\n');
	});
});
