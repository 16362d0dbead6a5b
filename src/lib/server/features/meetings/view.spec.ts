import { describe, expect, it } from 'vitest';
import { AGENDA_SECTIONS } from '../../../domain/meeting';
import { sectionText } from './view';

describe('the agenda’s section headings (issue 33)', () => {
	it('carry no numbers of their own: the agenda numbers its items, and a section may be empty', () => {
		for (const s of AGENDA_SECTIONS) expect(sectionText(s), s).not.toMatch(/^\d/);
	});
});
