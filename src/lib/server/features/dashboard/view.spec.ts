import { describe, expect, it } from 'vitest';
import { dashboardText } from './view';

type Dashboard = Parameters<typeof dashboardText>[0];
type Row = Dashboard['rows'][number];

const row = (over: Partial<Row>): Row => ({
	id: 'c1',
	givenName: 'Aino',
	familyName: 'Virtanen',
	workerName: null,
	colour: 'yellow',
	computed: null,
	signals: [],
	daysSinceAssessment: 3,
	clock: null,
	siblings: [],
	openFlag: false,
	overdueFlag: false,
	daysSinceChange: 2,
	...over
});

const dashboard = (over: Partial<Dashboard>): Dashboard => ({
	total: 1,
	overdueFlags: 0,
	unassessed: 0,
	unassessedLate: 0,
	pageSize: 50,
	counts: { yellow: 1 },
	workers: [],
	rows: [row({})],
	...over
});

const filter = { colour: null, workerId: null, signal: null, deadline: null, page: 1 };

describe("the team's dashboard in words", () => {
	it('names each signal by its own name and the flag, an overdue one before an open one', () => {
		const text = dashboardText(
			dashboard({
				rows: [
					row({
						signals: ['disagreement', 'not_safe', 'stale'],
						openFlag: true,
						overdueFlag: true
					}),
					row({ id: 'c2', openFlag: true })
				]
			}),
			filter
		);
		expect(text.rows[0]?.signals).toBe(
			'eri näkemykset, nuori ei koe olevansa turvassa, vanhentunut arvio'
		);
		expect(text.rows[0]?.flag).toEqual({ overdue: true, text: 'lippu myöhässä' });
		expect(text.rows[1]?.flag).toEqual({ overdue: false, text: 'lippu avoinna' });
		expect(text.rows[1]?.signals).toBe('');
	});

	it('says beside an override what the rules computed, and nothing without one', () => {
		const text = dashboardText(
			dashboard({ rows: [row({ colour: 'red', computed: 'green' }), row({ id: 'c2' })] }),
			filter
		);
		expect(text.rows[0]?.overridden).toBe('tiimin päätös, laskettu: Vihreä');
		expect(text.rows[1]?.overridden).toBeNull();
	});

	it('pages forward and back only where there is a page to go to', () => {
		const many = dashboard({ total: 120 });
		expect(dashboardText(dashboard({}), filter).paging).toBeNull();
		const first = dashboardText(many, filter).paging;
		expect(first?.text).toBe('Sivu 1/3');
		expect(first?.prev).toBeNull();
		expect(first?.next?.page).toBe(2);
		const last = dashboardText(many, { ...filter, page: 3 }).paging;
		expect(last?.prev?.page).toBe(2);
		expect(last?.next).toBeNull();
	});

	it('tells of late contacts before waiting ones, and of overdue flags', () => {
		expect(dashboardText(dashboard({}), filter).unassessed).toBeNull();
		expect(dashboardText(dashboard({}), filter).overdue).toBeNull();
		const waiting = dashboardText(dashboard({ unassessed: 2 }), filter);
		expect(waiting.unassessed).toMatch(/^2 lastensuojeluilmoitusta odottaa/);
		expect(waiting.unassessedLate).toBe(false);
		const late = dashboardText(dashboard({ unassessed: 3, unassessedLate: 1 }), filter);
		expect(late.unassessed).toMatch(/^1 lastensuojeluilmoitus.* arvioimatta/);
		expect(late.unassessedLate).toBe(true);
		expect(dashboardText(dashboard({ overdueFlags: 4 }), filter).overdue).toMatch(/4/);
	});
});
