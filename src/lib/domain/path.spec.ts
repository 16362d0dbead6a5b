import { describe, expect, it } from 'vitest';
import {
	CHILD_PHASES,
	canBeResponsible,
	canMoveTo,
	caseloadBand,
	caseloadCheck,
	inCaseload,
	WORKLOAD_PHASES,
	nextPhases,
	notifierKindOf
} from './path';

describe('the phases of a child’s path', () => {
	it.each([
		['contact', 'needs_assessment', true],
		['contact', 'client', false],
		['needs_assessment', 'client', true],
		['client', 'placement', true],
		['placement', 'client', true],
		['placement', 'aftercare', true],
		['aftercare', 'closed', true],
		['closed', 'client', false],
		['client', 'contact', false]
	] as const)('%s → %s allowed: %s', (from, to, allowed) => {
		expect(canMoveTo(from, to)).toBe(allowed);
	});

	it('closes from every open phase and never moves to itself', () => {
		for (const p of CHILD_PHASES) {
			expect(canMoveTo(p, p)).toBe(false);
			if (p !== 'closed') expect(nextPhases(p)).toContain('closed');
		}
	});

	it('counts child-protection clients in the caseload (13 b §): not intake, needs assessment or closed', () => {
		expect(CHILD_PHASES.filter(inCaseload)).toEqual(['client', 'placement', 'aftercare']);
		expect(WORKLOAD_PHASES).toEqual(['needs_assessment']);
	});
});

describe('caseload (13 b §)', () => {
	it('lets only a qualified social worker be responsible', () => {
		expect(canBeResponsible('social_worker')).toBe(true);
		expect(canBeResponsible('consultant_social_worker')).toBe(true);
		expect(canBeResponsible('social_instructor')).toBe(false);
		expect(canBeResponsible('coordinator')).toBe(false);
		expect(canBeResponsible('partner')).toBe(false);
	});

	it.each([
		[0, 'ok'],
		[19, 'ok'],
		[20, 'warn'],
		[29, 'warn'],
		[30, 'confirm'],
		[45, 'confirm']
	] as const)('adding a child to %i children: %s', (current, need) => {
		expect(caseloadCheck(current)).toBe(need);
	});

	it.each([
		[0, 'below'],
		[14, 'below'],
		[15, 'recommended'],
		[20, 'recommended'],
		[21, 'above'],
		[30, 'above'],
		[31, 'over_cap']
	] as const)('%i children is %s', (count, band) => {
		expect(caseloadBand(count)).toBe(band);
	});
});

it('files a partner’s notification under its kind, never a name', () => {
	expect(notifierKindOf('school')).toBe('school');
	expect(notifierKindOf('child_health_clinic')).toBe('health_care');
	expect(notifierKindOf('substance_abuse')).toBe('social_services');
	expect(notifierKindOf('unknown')).toBe('other');
});
