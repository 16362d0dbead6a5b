import { eq } from 'drizzle-orm';
import { agendaFacts } from '../features/meetings';
import { helsinkiDate } from '../../domain/access';
import { buildAgenda } from '../../domain/meeting';
import { addDays } from '../../domain/working-days';
import type { Tx } from '../db';
import { agendaItem, hypothesis, meetingDiscussion, meetingStep, teamMeeting } from '../db/schema';
import type { DemoIds } from './ids';

const DAY = 86_400_000;

/**
 * The demo team's weekly meetings (§7): two held and closed, two and one week ago, with
 * hypotheses open, supported and set aside and steps done, not done and still open; and
 * next week's, planned, its agenda built from the data as the coordinator would.
 */
export async function seedMeetings(tx: Tx, ids: DemoIds, childIds: string[], now = new Date()) {
	const coordinator = ids.users['koordinaattori@demo.example']!;
	const consultant = ids.users['konsultti@demo.example']!;
	const worker = ids.users['sosiaalityontekija@demo.example']!;
	const therapist = ids.users['perheterapeutti@demo.example']!;
	const present = [consultant, worker, therapist, coordinator];
	const at = (daysAgo: number) => {
		const d = new Date(now.getTime() - daysAgo * DAY);
		d.setUTCHours(10, 0, 0, 0); // 12.00 or 13.00 in Finland
		return d;
	};
	const held = async (daysAgo: number) => {
		const [m] = await tx
			.insert(teamMeeting)
			.values({
				teamId: ids.teamId,
				startsAt: at(daysAgo),
				preparedBy: coordinator,
				facilitatorId: consultant,
				noteTakerId: coordinator,
				presentUserIds: present,
				openedAt: at(daysAgo)
			})
			.returning({ id: teamMeeting.id });
		return m!.id;
	};
	const discuss = async (meetingId: string, kids: number[], position = 1) => {
		await tx.insert(agendaItem).values(
			kids.map((i, k) => ({
				meetingId,
				childId: childIds[i]!,
				position: position + k,
				reasons: [{ section: 'rotation' as const, lastDiscussedOn: null }]
			}))
		);
		await tx.insert(meetingDiscussion).values(
			kids.map((i) => ({
				meetingId,
				childId: childIds[i]!,
				recordedBy: coordinator,
				familyPresent: i === 2,
				familyWho: i === 2 ? 'Äiti' : '',
				tellsFamily: 'Vastuutyöntekijä kertoo perheelle puhelimessa tällä viikolla.',
				reflection:
					i === 2 ? 'Perheen arki kuulostaa väsyneeltä; kumpikin vanhempi yrittää yksin.' : '',
				reflectionBy: i === 2 ? therapist : null
			}))
		);
	};
	const today = helsinkiDate(now);

	// Two weeks ago: children 0–5.
	const first = await held(14);
	await discuss(first, [0, 1, 2, 3, 4, 5]);
	const hyps = await tx
		.insert(hypothesis)
		.values([
			{
				childId: childIds[2]!,
				meetingId: first,
				statement: 'Koulupoissaolot liittyvät kodin iltojen levottomuuteen.',
				createdBy: coordinator
			},
			{
				childId: childIds[3]!,
				meetingId: first,
				statement: 'Lapsen väsymys johtuu liian myöhäisestä nukkumaanmenosta.',
				createdBy: coordinator
			},
			...[0, 1, 4, 5].map((i) => ({
				childId: childIds[i]!,
				meetingId: first,
				statement: 'Perheen arki sujuu, kun tukiverkosto on mukana.',
				createdBy: coordinator
			}))
		])
		.returning({ id: hypothesis.id, childId: hypothesis.childId });
	const firstSteps = await tx
		.insert(meetingStep)
		.values([
			{
				childId: childIds[2]!,
				meetingId: first,
				hypothesisId: hyps[0]!.id,
				what: 'Kotikäynti iltaisin kahden viikon ajan',
				ownerId: worker,
				dueOn: addDays(today, -8),
				createdBy: coordinator
			},
			{
				childId: childIds[3]!,
				meetingId: first,
				hypothesisId: hyps[1]!.id,
				what: 'Keskustelu kouluterveydenhoitajan kanssa unesta',
				ownerId: worker,
				dueOn: addDays(today, -9),
				createdBy: coordinator
			}
		])
		.returning({ id: meetingStep.id });
	const close = (id: string, daysAgo: number) =>
		tx
			.update(teamMeeting)
			.set({ state: 'closed', closedAt: at(daysAgo), closedBy: coordinator })
			.where(eq(teamMeeting.id, id));
	await close(first, 14);

	// A week ago: children 2, 3 and 6–9; the earlier steps settled, a hypothesis supported,
	// one set aside, one step left open for the coming meeting.
	const second = await held(7);
	await discuss(second, [2, 3, 6, 7, 8, 9]);
	await tx
		.update(meetingStep)
		.set({ outcome: 'done', outcomeMeetingId: second, outcomeBy: coordinator, outcomeAt: at(7) })
		.where(eq(meetingStep.id, firstSteps[0]!.id));
	await tx
		.update(meetingStep)
		.set({
			outcome: 'not_done',
			outcomeNote: 'Terveydenhoitaja oli lomalla; sovitaan uudelleen.',
			outcomeMeetingId: second,
			outcomeBy: coordinator,
			outcomeAt: at(7)
		})
		.where(eq(meetingStep.id, firstSteps[1]!.id));
	await tx
		.update(hypothesis)
		.set({ state: 'supported', stateNote: 'Opettaja kertoi samaa.', stateMeetingId: second })
		.where(eq(hypothesis.id, hyps[0]!.id));
	await tx
		.update(hypothesis)
		.set({
			state: 'set_aside',
			stateNote: 'Nukkumaanmeno on ollut ajoissa; väsymys jatkuu silti.',
			stateMeetingId: second
		})
		.where(eq(hypothesis.id, hyps[1]!.id));
	await tx.insert(hypothesis).values([
		{
			childId: childIds[3]!,
			meetingId: second,
			statement: 'Väsymyksen taustalla voi olla huoli vanhemman terveydestä.',
			createdBy: coordinator
		},
		...[6, 7, 8, 9].map((i) => ({
			childId: childIds[i]!,
			meetingId: second,
			statement: 'Lapsi hyötyy säännöllisestä harrastuksesta.',
			createdBy: coordinator
		}))
	]);
	await tx.insert(meetingStep).values({
		childId: childIds[3]!,
		meetingId: second,
		what: 'Vanhemman kanssa keskustelu terveydestä ja jaksamisesta',
		ownerId: worker,
		dueOn: addDays(today, -1),
		createdBy: coordinator
	});
	await close(second, 7);

	// Next week: planned, the agenda built from the data since last week's meeting.
	const startsAt = new Date(now.getTime() + 7 * DAY);
	startsAt.setUTCHours(10, 0, 0, 0);
	const facts = await agendaFacts(tx, ids.teamId, { id: second, startsAt: at(7) }, now);
	const agenda = buildAgenda(facts, { today });
	const [planned] = await tx
		.insert(teamMeeting)
		.values({ teamId: ids.teamId, startsAt, preparedBy: coordinator, noteTakerId: coordinator })
		.returning({ id: teamMeeting.id });
	if (agenda.length)
		await tx.insert(agendaItem).values(
			agenda.map((e, i) => ({
				meetingId: planned!.id,
				childId: e.childId,
				position: i + 1,
				reasons: e.reasons
			}))
		);
}
