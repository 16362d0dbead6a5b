import { eq, sql } from 'drizzle-orm';
import { helsinkiDate } from '../../domain/access';
import { dueDate } from '../../domain/clocks';
import type { ChildPhase, NotifierKind, PlacementKind } from '../../domain/path';
import { addDays } from '../../domain/working-days';
import type { Tx } from '../db';
import { caseContact, child, family, phaseChange, placement, statutoryClock } from '../db/schema';
import type { DemoIds } from './ids';

/**
 * Where each demo child is on its path (§10). Most are clients; three are in intake with
 * the decision clock running (one overdue), three in a needs assessment, two placed (one in
 * the demo unit), one in aftercare, one closed. The social worker carries 21 clients, one
 * over the recommended 20 (13 b §), and the three needs assessments beside them as
 * workload; the consultant two; nobody else is responsible (§11).
 */
const CONTACT = new Set([25, 26, 27]);
const NEEDS_ASSESSMENT = new Set([22, 23, 24]);
const CONSULTANT_CHILDREN = new Set([1, 5]);
const PLACED: Record<number, { kind: PlacementKind; inUnit: boolean; place?: string }> = {
	8: { kind: 'care_order', inUnit: true },
	5: { kind: 'emergency_placement', inUnit: false, place: 'Ammatillinen perhekoti, Järvelä' }
};
const AFTERCARE = 7;
const CLOSED = 29;
/** A client whose yearly plan review is overdue, and one whose assessment finished late. */
const REVIEW_OVERDUE = 12;
const ASSESSED_LATE = 13;
/** Siblings: one family of two. */
const SIBLINGS = [2, 10];

const NOTIFIERS: NotifierKind[] = [
	'school',
	'police',
	'health_care',
	'early_education',
	'social_services'
];

const SUMMARIES = [
	'Koulu ilmoittaa toistuvista poissaoloista ja lapsen väsymyksestä.',
	'Poliisi ilmoittaa kotihälytyksestä, jossa lapsi oli paikalla.',
	'Terveydenhuolto ilmoittaa huolesta vanhemman jaksamisesta.',
	'Päiväkoti ilmoittaa, että lapsi tulee usein hoitoon nälkäisenä.',
	'Aikuissosiaalityö ilmoittaa perheen asunnottomuuden uhasta.'
];

function phaseOf(i: number): ChildPhase {
	if (CONTACT.has(i)) return 'contact';
	if (NEEDS_ASSESSMENT.has(i)) return 'needs_assessment';
	if (i in PLACED) return 'placement';
	if (i === AFTERCARE) return 'aftercare';
	if (i === CLOSED) return 'closed';
	return 'client';
}

export async function seedPaths(tx: Tx, ids: DemoIds, childIds: string[], now = new Date()) {
	const today = helsinkiDate(now);
	const on = (daysAgo: number) => addDays(today, -daysAgo);
	const socialWorker = ids.users['sosiaalityontekija@demo.example']!;
	const consultant = ids.users['konsultti@demo.example']!;
	const instructor = ids.users['sosiaaliohjaaja@demo.example']!;
	const therapist = ids.users['perheterapeutti@demo.example']!;
	const teamOrg = ids.orgs.cp!;

	const [fam] = await tx.insert(family).values({ teamId: ids.teamId }).returning();

	for (const [i, childId] of childIds.entries()) {
		const phase = phaseOf(i);
		const responsible =
			phase === 'contact' ? null : CONSULTANT_CHILDREN.has(i) ? consultant : socialWorker;
		const by = responsible ?? consultant;
		const history: (typeof phaseChange.$inferInsert)[] = [];
		const change = (
			from: ChildPhase | null,
			to: ChildPhase,
			daysAgo: number,
			extra: Partial<typeof phaseChange.$inferInsert> = {}
		) => {
			history.push({
				childId,
				fromPhase: from,
				toPhase: to,
				on: on(daysAgo),
				changedBy: by,
				changedAt: new Date(now.getTime() - daysAgo * 86400_000),
				...extra
			});
		};

		if (phase === 'contact') {
			// 25: received two days ago; 26: twelve days ago and still undecided (overdue);
			// 27: the school filed it through the app this morning.
			const daysAgo = i === 25 ? 2 : i === 26 ? 12 : 0;
			const bySchool = i === 27;
			const [named] = await tx
				.select({ name: sql<string>`${child.givenName} || ' ' || ${child.familyName}` })
				.from(child)
				.where(eq(child.id, childId));
			const subjectName = named!.name;
			const [c] = await tx
				.insert(caseContact)
				.values({
					childId,
					kind: 'notification',
					receivedOn: on(daysAgo),
					notifierKind: bySchool ? 'school' : i === 25 ? 'police' : 'health_care',
					summary: bySchool
						? 'Lapsi kertoi opettajalle, ettei kotona ole ollut ruokaa viikonloppuna.'
						: SUMMARIES[i % SUMMARIES.length]!,
					filedBy: bySchool ? ids.users['koulu@demo.example']! : consultant,
					filedByOrganisationId: bySchool ? ids.orgs.school! : teamOrg,
					urgent: bySchool ? null : false,
					urgencyAssessedBy: bySchool ? null : consultant,
					urgencyAssessedAt: bySchool ? null : new Date(now.getTime() - daysAgo * 86400_000),
					// The school's receipt (§3): the team it sent to and whom to contact.
					...(bySchool
						? { sentToTeamId: ids.teamId, contactWorkerId: consultant, subjectName }
						: {})
				})
				.returning();
			await tx.insert(statutoryClock).values({
				childId,
				kind: 'decision',
				contactId: c!.id,
				startedOn: c!.receivedOn,
				dueOn: dueDate('decision', c!.receivedOn)
			});
			change(null, 'contact', daysAgo);
		} else {
			// Every other child came in by a contact that started a needs assessment.
			const start =
				phase === 'needs_assessment'
					? i === 24
						? 86
						: 30 + (i - 22) * 20
					: i === REVIEW_OVERDUE
						? 500
						: 200 + ((i * 37) % 300);
			const received = on(start);
			const decidedOn = addDays(received, 4);
			const [c] = await tx
				.insert(caseContact)
				.values({
					childId,
					kind: i % 7 === 3 ? 'application' : 'notification',
					receivedOn: received,
					notifierKind: i % 7 === 3 ? 'other' : NOTIFIERS[i % NOTIFIERS.length]!,
					summary:
						i % 7 === 3 ? 'Huoltaja hakee tukea perheen arkeen.' : SUMMARIES[i % SUMMARIES.length]!,
					filedBy: consultant,
					filedByOrganisationId: teamOrg,
					urgent: false,
					urgencyAssessedBy: consultant,
					urgencyAssessedAt: new Date(now.getTime() - start * 86400_000),
					decision: 'start_needs_assessment',
					decidedOn,
					decidedBy: by
				})
				.returning();
			await tx.insert(statutoryClock).values({
				childId,
				kind: 'decision',
				contactId: c!.id,
				startedOn: received,
				dueOn: dueDate('decision', received),
				metOn: decidedOn,
				metBy: by
			});
			change(null, 'contact', start);
			change('contact', 'needs_assessment', start - 4);
			const naDue = dueDate('needs_assessment', received);
			if (phase === 'needs_assessment') {
				await tx.insert(statutoryClock).values({
					childId,
					kind: 'needs_assessment',
					contactId: c!.id,
					startedOn: received,
					dueOn: naDue
				});
			} else {
				// Finished in about two months; child 13's took four (met late, and it shows).
				const clientFrom = start - (i === ASSESSED_LATE ? 120 : 60);
				await tx.insert(statutoryClock).values({
					childId,
					kind: 'needs_assessment',
					contactId: c!.id,
					startedOn: received,
					dueOn: naDue,
					metOn: on(clientFrom),
					metBy: by
				});
				change('needs_assessment', 'client', clientFrom);
				// The client plan is reviewed yearly; the open review counts from the last one,
				// except child 12's, which nobody has reviewed since the plan was made.
				const planFrom = i === REVIEW_OVERDUE ? clientFrom : clientFrom % 330;
				if (phase === 'client' || phase === 'placement' || phase === 'aftercare')
					await tx.insert(statutoryClock).values({
						childId,
						kind: 'client_plan_review',
						startedOn: on(planFrom),
						dueOn: dueDate('client_plan_review', on(planFrom))
					});
				const placed = PLACED[i];
				if (placed) {
					let placementId: string | null = null;
					if (placed.inUnit) {
						// Seeded with the unit's grant in seedChildren; the path points at it.
						const [p] = await tx
							.select({ id: placement.id })
							.from(placement)
							.where(eq(placement.childId, childId));
						placementId = p?.id ?? null;
					}
					// An emergency placement (38 §) lasts 30 days unless extended: this one was
					// made 26 days ago, so its end is near and the team is warned.
					const placedDaysAgo =
						placed.kind === 'emergency_placement' ? 26 : Math.min(120, clientFrom - 10);
					change('client', 'placement', placedDaysAgo, {
						placementKind: placed.kind,
						placementId,
						placementPlace: placed.place ?? null
					});
					if (placed.kind === 'emergency_placement')
						await tx.insert(statutoryClock).values({
							childId,
							kind: 'emergency_placement',
							startedOn: on(placedDaysAgo),
							dueOn: dueDate('emergency_placement', on(placedDaysAgo))
						});
				}
				if (phase === 'aftercare') {
					change('client', 'placement', clientFrom - 10, {
						placementKind: 'open_care_placement',
						placementPlace: 'Perhekuntoutusyksikkö, Järvelä'
					});
					change('placement', 'aftercare', 40);
				}
				if (phase === 'closed')
					change('client', 'closed', 30, {
						reason: 'Tuen tarve päättyi: perhe selviää arjesta peruspalvelujen tuella.'
					});
			}
		}
		await tx.insert(phaseChange).values(history);
		const last = history.at(-1)!;
		await tx
			.update(child)
			.set({
				phase,
				phaseSince: last.on,
				responsibleWorkerId: responsible,
				secondWorkerId:
					phase === 'contact' ? null : i % 3 === 2 ? instructor : i % 5 === 0 ? therapist : null,
				familyId: SIBLINGS.includes(i) ? fam!.id : null
			})
			.where(eq(child.id, childId));
	}
}
