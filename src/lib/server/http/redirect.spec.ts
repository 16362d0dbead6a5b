import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNext } from './redirect';

const ORIGIN = 'https://yhteisarvio.example.fi';

/** Where a browser on the app would go: it drops tabs and newlines and reads '\' as '/'. */
function browserTarget(location: string): URL {
	const cleaned = location.replace(/[\t\n\r]/g, '').replace(/\\/g, '/');
	return new URL(cleaned, ORIGIN);
}

const BYPASSES = [
	'//evil.example',
	'/\t/evil.example',
	'/%09/evil.example',
	'/\n/evil.example',
	'/\r\n/evil.example',
	'/\\evil.example',
	'\\\\evil.example',
	'/\\/evil.example',
	'https://evil.example/',
	'http:evil.example',
	'javascript:alert(1)',
	'data:text/html,hi',
	'/ /evil.example',
	'/\u0000/evil.example',
	'/\u007f/evil.example',
	'/\u0085/evil.example',
	'///evil.example',
	' /evil',
	'\t//evil.example',
	'//evil.example@ok',
	'/@evil.example',
	'/.//evil.example',
	'/..//evil.example',
	'/%2F%2Fevil.example',
	'/%5C%5Cevil.example',
	'',
	'x'.repeat(5000)
];

describe('safeNext', () => {
	it('follows local paths', () => {
		expect(safeNext('/admin/users')).toBe('/admin/users');
		expect(safeNext('/children?x=1#top')).toBe('/children?x=1#top');
		expect(safeNext(null)).toBe('/');
		expect(safeNext(undefined, '/flags')).toBe('/flags');
	});

	it.each(BYPASSES)('never leaves the site: %j', (value) => {
		const target = safeNext(value);
		expect(browserTarget(target).origin).toBe(ORIGIN);
		expect(target.startsWith('/') && !target.startsWith('//')).toBe(true);
	});

	it('for any string, the target stays on the origin and nothing throws', () => {
		const piece = fc.constantFrom(
			'/',
			'//',
			'\\',
			'\t',
			'\n',
			'%09',
			'%2F',
			'.',
			'..',
			'@',
			':',
			'evil.example',
			'a',
			'?',
			'#',
			'\u0000',
			' '
		);
		const arb = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 60 }),
			fc.array(piece, { maxLength: 12 }).map((a) => a.join('')),
			fc.constantFrom(...BYPASSES)
		);
		fc.assert(
			fc.property(arb, (value) => {
				const target = safeNext(value);
				expect(typeof target).toBe('string');
				expect(target.startsWith('/') && !target.startsWith('//')).toBe(true);
				// eslint-disable-next-line no-control-regex
				expect(/[\u0000-\u001f\u007f\\]/.test(target)).toBe(false);
				expect(browserTarget(target).origin).toBe(ORIGIN);
			}),
			{ numRuns: 2000 }
		);
	});
});
