import { and, eq } from 'drizzle-orm';
import { helsinkiDate } from '../../domain/access';
import { triageDueOn } from '../../domain/flags';
import { addDays } from '../../domain/working-days';
import type { Tx } from '../db';
import {
	accessGrant,
	childStatus,
	consultation,
	flag,
	intensiveWorkflow,
	planStep,
	workflowEntry,
	workflowPartner
} from '../db/schema';
import { raiseFlag } from '../features/flags';
import { storedFacts } from '../features/status';
import type { DemoIds } from './ids';

const DAY = 86400_000;

/**
 * Flags, an intensive workflow and consultations in every state (docs/domain.md §6). The status
 * recompute has already raised the flags for the red, disagreeing and substance children.
 */
export async function seedWork(tx: Tx, ids: DemoIds, childIds: string[], now = new Date()) {
	const today = helsinkiDate(now);
	const u = (email: string) => ids.users[`${email}@demo.example`]!;
	const at = (days: number) => new Date(now.getTime() + days * DAY);

	// One overdue flag: child 10 turned red ten days ago and nobody has triaged it.
	const raisedOn = helsinkiDate(at(-10));
	await tx
		.update(flag)
		.set({ raisedAt: at(-10), dueOn: triageDueOn('turned_red', raisedOn) })
		.where(and(eq(flag.childId, childIds[10]!), eq(flag.trigger, 'turned_red')));

	// Child 4 (15, weekly cannabis): the substance flag accepted as intensive substance work.
	const [f4] = await tx
		.select()
		.from(flag)
		.where(and(eq(flag.childId, childIds[4]!), eq(flag.trigger, 'substance')));
	const [w] = await tx
		.insert(intensiveWorkflow)
		.values({
			childId: childIds[4]!,
			kind: 'intensive_substance',
			state: 'active',
			leadWorkerId: u('sosiaalityontekija'),
			flagId: f4?.id ?? null,
			nextReviewOn: today, // two weeks on: due at the coming meeting

			createdBy: u('konsultti'),
			createdAt: at(-14),
			activatedAt: at(-14)
		})
		.returning({ id: intensiveWorkflow.id });
	if (f4)
		await tx
			.update(flag)
			.set({
				status: 'accepted',
				decidedWorkflow: 'intensive_substance',
				triagedBy: u('konsultti'),
				triagedAt: at(-14),
				intensiveId: w!.id,
				version: 2
			})
			.where(eq(flag.id, f4.id));
	const [g] = await tx
		.insert(accessGrant)
		.values({
			childId: childIds[4]!,
			organisationId: ids.orgs.substance!,
			basis: 'workflow',
			workflowId: w!.id,
			validFrom: helsinkiDate(at(-14)),
			grantedBy: u('konsultti')
		})
		.returning({ id: accessGrant.id });
	await tx
		.insert(workflowPartner)
		.values({ workflowId: w!.id, organisationId: ids.orgs.substance!, grantId: g!.id });
	const steps = [
		['Kotikäynti: tutustuminen ja nuoren oma tavoite', 'Mikko Saarinen', -7, true],
		['Päihdetyöntekijän tapaaminen koulupäivän jälkeen', 'Nuorten päihdepalvelut Suunta', 3, false],
		['Vanhempien kanssa sovitaan kotiintuloajat', 'Mikko Saarinen', 6, false]
	] as const;
	for (const [what, who, due, done] of steps)
		await tx.insert(planStep).values({
			workflowId: w!.id,
			what,
			who,
			dueOn: addDays(today, due),
			doneAt: done ? at(-6) : null,
			doneBy: done ? u('sosiaalityontekija') : null,
			createdBy: u('sosiaalityontekija'),
			createdAt: at(-8)
		});
	await tx.insert(workflowEntry).values([
		{
			workflowId: w!.id,
			kind: 'contact',
			on: helsinkiDate(at(-7)),
			note: 'Kotikäynti. Nuori kertoi haluavansa vähentää käyttöä ennen kesää.',
			authorId: u('sosiaalityontekija'),
			createdAt: at(-7)
		},
		{
			workflowId: w!.id,
			kind: 'review',
			on: helsinkiDate(at(-14)),
			note: 'Työskentely aloitettu; seuraava arviointi kahden viikon päästä.',
			authorId: u('konsultti'),
			createdAt: at(-14)
		}
	]);

	// Consultations in every state; the requested one comes from the residential unit.
	const base = (childIndex: number, by: string, org: string, days: number) => ({
		childId: childIds[childIndex]!,
		requestedBy: u(by),
		requesterOrganisationId: ids.orgs[org]!,
		createdAt: at(days),
		updatedAt: at(days)
	});
	const [unitRequest] = await tx
		.insert(consultation)
		.values({
			...base(8, 'laitos', 'unit', -1),
			question: 'Miten tuemme nuorta, joka karkailee viikonloppuisin kotiin?',
			urgency: 'urgent',
			background: 'Karkaamisia kolme viimeisen kuukauden aikana.'
		})
		.returning({ id: consultation.id });
	const [s8] = await tx.select().from(childStatus).where(eq(childStatus.childId, childIds[8]!));
	await raiseFlag(tx, childIds[8]!, 'consultation_requested', storedFacts(s8)!, at(-1), {
		consultationId: unitRequest!.id
	});
	await tx.insert(consultation).values([
		{
			...base(5, 'sosiaalityontekija', 'cp', -6),
			state: 'scheduled',
			question: 'Koulu ja psykiatria näkevät ahdistuksen eri tavoin. Mistä on kyse?',
			urgency: 'normal',
			scheduledAt: at(3),
			place: 'Neuvotteluhuone Kaisla',
			participantOrganisationIds: [ids.orgs.psych!, ids.orgs.school!],
			participantUserIds: [u('konsultti'), u('koordinaattori'), u('lastenpsykiatria')],
			version: 2
		},
		{
			...base(3, 'koulu', 'school', -20),
			state: 'held',
			question: 'Miten koulu voi tukea lasta turvallisuussuunnitelman aikana?',
			urgency: 'urgent',
			scheduledAt: at(-14),
			place: 'Videoyhteys',
			participantUserIds: [u('konsultti'), u('koulu')],
			hypotheses: [
				'Lapsi kantaa vastuuta kodin tilanteesta ja pelkää kertoa lisää.',
				'Koulu on lapselle turvallisin paikka juuri nyt.'
			],
			recommendations: 'Opettaja ja kuraattori sopivat lapsen kanssa turvallisen aikuisen.',
			followUpOwnerId: u('sosiaalityontekija'),
			followUpOn: addDays(today, 10),
			version: 3
		},
		{
			...base(11, 'lastenpsykiatria', 'psych', -40),
			state: 'closed',
			question: 'Tarvitaanko tiiviimpää yhteistyötä hoitotahon kanssa?',
			urgency: 'normal',
			scheduledAt: at(-30),
			place: 'Poliklinikka',
			participantUserIds: [u('konsultti'), u('lastenpsykiatria')],
			hypotheses: ['Perheen jaksaminen on nyt kaiken keskiössä.'],
			recommendations: 'Viikoittainen yhteinen tapaaminen kuukauden ajan.',
			followUpOwnerId: u('konsultti'),
			followUpOn: addDays(today, -5),
			version: 4
		},
		{
			...base(2, 'koulu', 'school', -15),
			state: 'declined',
			question: 'Pitäisikö yksinäisyyteen puuttua?',
			urgency: 'normal',
			declineReason: 'Asia hoidetaan koulun oppilashuollossa; konsultaatiota ei nyt tarvita.',
			version: 2
		}
	]);
}
