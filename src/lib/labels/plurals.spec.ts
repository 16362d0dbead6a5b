import { describe, expect, it } from 'vitest';
import { m } from '../paraglide/messages';
import { clockStateText } from './path';

/*
 * A count of one takes the singular in every language: "1 arkipäivä jäljellä", not
 * "1 arkipäivää". Finnish puts a number above one before the partitive singular, and a
 * lateness of one day in the genitive ("myöhässä 1 arkipäivän").
 */
describe('counts of one and of many', () => {
	it("says a clock's days in Finnish, one and many", () => {
		expect(clockStateText({ state: 'running', workingDaysLeft: 1 })).toBe('1 arkipäivä jäljellä');
		expect(clockStateText({ state: 'running', workingDaysLeft: 6 })).toBe('6 arkipäivää jäljellä');
		expect(clockStateText({ state: 'running', workingDaysLeft: 0 })).toBe('0 arkipäivää jäljellä');
		expect(clockStateText({ state: 'due_soon', workingDaysLeft: 1 })).toBe(
			'erääntyy pian: 1 arkipäivä jäljellä'
		);
		expect(clockStateText({ state: 'overdue', workingDaysLate: 1 })).toBe('myöhässä 1 arkipäivän');
		expect(clockStateText({ state: 'overdue', workingDaysLate: 4 })).toBe('myöhässä 4 arkipäivää');
		expect(clockStateText({ state: 'met_late', workingDaysLate: 1 })).toBe(
			'toteutui myöhässä (1 arkipäivä)'
		);
	});

	it('says them in Swedish and English', () => {
		expect(m.clock_running({ days: 1 }, { locale: 'sv' })).toBe('1 vardag kvar');
		expect(m.clock_running({ days: 2 }, { locale: 'sv' })).toBe('2 vardagar kvar');
		expect(m.clock_overdue({ days: 1 }, { locale: 'en' })).toBe('overdue by 1 working day');
		expect(m.clock_overdue({ days: 3 }, { locale: 'en' })).toBe('overdue by 3 working days');
	});

	it("counts a worker's clients and needs assessments each on its own", () => {
		const of = (count: number, workload: number, locale: 'fi' | 'sv' | 'en') =>
			m.caseload_of({ name: 'Aino', count, workload }, { locale });
		expect(of(1, 2, 'fi')).toBe('Aino: 1 asiakas ja 2 palvelutarpeen arviointia');
		expect(of(2, 1, 'fi')).toBe('Aino: 2 asiakasta ja 1 palvelutarpeen arviointi');
		expect(of(1, 1, 'sv')).toBe('Aino: 1 klient och 1 utredning av servicebehov');
		expect(of(3, 0, 'en')).toBe('Aino: 3 clients and 0 needs assessments');
	});

	it("says the dashboard's waiting notifications, the rotation's children and a caseload", () => {
		expect(m.dashboard_unassessed({ count: 1 }, { locale: 'fi' })).toBe(
			'1 lastensuojeluilmoitus odottaa kiireellisyyden arviota'
		);
		expect(m.dashboard_unassessed_late({ count: 1 }, { locale: 'en' })).toBe(
			'1 child-protection notification is still unassessed after the day received'
		);
		expect(m.dashboard_unassessed({ count: 2 }, { locale: 'sv' })).toBe(
			'2 barnskyddsanmälningar väntar på bedömning av hur brådskande de är'
		);
		expect(m.agenda_rotation_later({ count: 1 }, { locale: 'fi' })).toBe(
			'Jos aikaa jää: 1 muu kiertovuorossa oleva lapsi'
		);
		expect(m.worker_with_caseload({ name: 'Aino', count: 1 }, { locale: 'en' })).toBe(
			'Aino (1 child)'
		);
	});

	it('reads a median of a day and a half as many days, written the reader’s way', () => {
		const median = (days: string, locale: 'fi' | 'en') =>
			m.measures_median_days({ days, count: 1, reds: 2 }, { locale });
		expect(median('1,5', 'fi')).toBe('mediaani 1,5 arkipäivää (1/2 punaista lasta käsitelty)');
		expect(median('1', 'fi')).toBe('mediaani 1 arkipäivä (1/2 punaista lasta käsitelty)');
		expect(median('1.5', 'en')).toBe('median 1.5 working days (1 of 2 red children discussed)');
	});
});
