import { describe, expect, it } from 'vitest';
import { inboxText } from './view';

type Inbox = Parameters<typeof inboxText>[0];

const inbox = (over: Partial<Inbox>): Inbox => ({
	requests: [],
	requestTotal: 0,
	infoRequests: [],
	consultations: [],
	steps: [],
	children: [{ id: 'c1', givenName: 'Aino', familyName: 'Virtanen', dateOfBirth: '2015-03-04' }],
	page: 1,
	pages: 1,
	total: 1,
	name: null,
	...over
});

const consultation: Inbox['consultations'][number] = {
	id: 'k1',
	childId: 'c1',
	givenName: 'Aino',
	familyName: 'Virtanen',
	question: 'Miten tuemme koulunkäyntiä?',
	urgency: 'urgent',
	state: 'scheduled',
	scheduledAt: new Date('2026-11-20T10:00:00Z'),
	recorded: false,
	createdAt: new Date('2026-11-02T08:00:00Z')
};

describe("a partner's and a unit's inbox in words", () => {
	it("says what is asked, of whom, by when and by whom, and counts all the team's requests", () => {
		const request: Inbox['requests'][number] = {
			id: 'r1',
			childId: 'c1',
			givenName: 'Aino',
			familyName: 'Virtanen',
			message: 'Arvio ennen palaveria',
			dueDate: '2026-11-03',
			requestedByName: 'Sari Sosiaalityöntekijä',
			overdue: true
		};
		const text = inboxText(inbox({ requests: [request], requestTotal: 7 }), { unit: false });
		expect(text.requestsTitle).toBe('Avoimet arviointipyynnöt (7)');
		expect(text.requests).toEqual([
			{
				...request,
				link: 'Arvioi: Aino Virtanen',
				due: 'määräpäivä 3.11.2026 · pyytäjä Sari Sosiaalityöntekijä'
			}
		]);
	});

	it('offers a consultation about each child to a residential unit only, with its table', () => {
		const partner = inboxText(inbox({}), { unit: false });
		expect(partner.children).toEqual([
			{
				id: 'c1',
				givenName: 'Aino',
				familyName: 'Virtanen',
				dateOfBirth: '2015-03-04',
				name: 'Virtanen, Aino',
				born: '4.3.2015',
				consult: null
			}
		]);
		expect(partner.unit).toBeNull();
		const unit = inboxText(inbox({ consultations: [consultation] }), { unit: true });
		expect(unit.children[0]?.consult).toBe('Pyydä konsultaatiota: Aino Virtanen');
		expect(unit.unit?.title).toBe('Konsultaatiopyyntönne (1)');
		expect(unit.unit?.rows).toEqual([
			{
				id: 'k1',
				child: 'Virtanen, Aino',
				question: 'Miten tuemme koulunkäyntiä?',
				urgent: expect.any(String),
				state: expect.any(String),
				scheduledOn: expect.stringMatching(/^\S*\d+\.\d+\.2026/),
				outcome: null,
				requestedOn: expect.stringMatching(/2\.11\.2026/)
			}
		]);
	});

	it('heads a name search with the name and its count, the whole list with its count', () => {
		expect(inboxText(inbox({ total: 12 }), { unit: false }).childrenTitle).toBe(
			'Lapset, joihin organisaatiollasi on käyttöoikeus (12)'
		);
		expect(inboxText(inbox({ name: 'vir', total: 1 }), { unit: false }).childrenTitle).toBe(
			'Lapset, joiden nimi alkaa ”vir” (1)'
		);
	});
});
