import { eq, inArray } from 'drizzle-orm';
import { helsinkiDate } from '../../domain/access';
import { makeHetu } from '../../domain/hetu';
import { CURRENT_INSTRUMENT, type Rating } from '../../domain/instrument';
import type { Tx } from '../db';
import {
	accessGrant,
	assessment,
	assessmentRequest,
	child,
	childStatus,
	childStatusHistory,
	flag,
	placement,
	type AssessmentRatings
} from '../db/schema';
import type { DemoIds } from './ids';
import { recomputeChildStatus } from '../features/status';
// The demo's statuses raise their flags as a recompute does anywhere (ADR 038).
import '../features/listeners';
import { triageDueOn } from '../../domain/flags';

/**
 * ~30 fictional children for the demo team. Names are common Finnish first names and
 * surnames combined at random-looking but fixed pairs; identity codes use the 9xx
 * individual numbers (temporary codes), so none can belong to a real person.
 */
const GIVEN = [
	'Aino',
	'Eetu',
	'Helmi',
	'Onni',
	'Venla',
	'Leo',
	'Siiri',
	'Väinö',
	'Iida',
	'Elias',
	'Lilja',
	'Niilo',
	'Kerttu',
	'Topias',
	'Saana',
	'Rasmus',
	'Minea',
	'Akseli',
	'Pihla',
	'Joona',
	'Emmi',
	'Oliver',
	'Nelli',
	'Valtteri',
	'Ronja',
	'Aapo',
	'Milja',
	'Eino',
	'Sofia',
	'Hugo'
];
const FAMILY = [
	'Mäkinen',
	'Lahtinen',
	'Hiltunen',
	'Korhonen',
	'Salmela',
	'Rautio',
	'Kettunen',
	'Huttunen',
	'Jääskeläinen',
	'Laaksonen',
	'Mustonen',
	'Ollila',
	'Tuominen',
	'Vainio',
	'Nurmi',
	'Kallio',
	'Leppänen',
	'Pesonen',
	'Ahonen',
	'Savolainen',
	'Heino',
	'Rissanen',
	'Karvonen',
	'Lindholm',
	'Suominen',
	'Hakala',
	'Kivinen',
	'Manninen',
	'Halonen',
	'Tolvanen'
];

const DAY = 86400_000;
const day = (base: Date, offsetDays: number) => {
	const d = new Date(base.getTime() + offsetDays * 86400_000);
	return d.toISOString().slice(0, 10);
};

function ratings(
	values: Record<string, Rating>,
	evidence: Record<string, string> = {}
): AssessmentRatings {
	const out: AssessmentRatings = {};
	for (const i of CURRENT_INSTRUMENT.items) {
		out[i.id] = { rating: values[i.id] ?? null, evidence: evidence[i.id] ?? '' };
	}
	return out;
}

type Plan = {
	org: string;
	author: string;
	daysAgo: number;
	values: Record<string, Rating>;
	evidence?: Record<string, string>;
	childView?: string;
	guardiansView?: string;
	strengths?: string;
};

/** Ages that fit each demo child's story (a teenager for the substance work, and so on). */
// 12 and 13 are the school's open requests: school-aged.
const AGES = [9, 4, 11, 8, 15, 13, 2, 14, 16, 10, 4, 13, 9, 12];

/** Which organisations have assessed which child (by index), and how. Most are calm. */
const ASSESSMENTS: Record<number, Plan[]> = {
	0: [
		{
			org: 'school',
			author: 'koulu@demo.example',
			daysAgo: 12,
			values: { L1: 0, L2: 1, R1: 0, E1: 0 },
			childView: 'Koulussa on kivaa, paras kaveri on samalla luokalla.',
			guardiansView: 'Arki sujuu, läksyissä tarvitaan välillä apua.',
			strengths: 'Liikunnallinen, hyvä kaveri.'
		}
	],
	1: [
		{
			org: 'daycare',
			author: 'varhaiskasvatus@demo.example',
			daysAgo: 20,
			values: { L1: 0, L3: 0, R2: 0, S2: 0, H2: 1 },
			childView: 'Tykkää leikkiä hiekkalaatikolla.',
			guardiansView: 'Iltaisin nukahtaminen venyy.',
			strengths: 'Iloinen ja utelias.'
		}
	],
	2: [
		{
			org: 'school',
			author: 'koulu@demo.example',
			daysAgo: 30,
			values: { L1: 1, E1: 1, R1: 1 },
			childView: 'Välitunnit ovat joskus yksinäisiä.'
		},
		{
			org: 'clinic',
			author: 'neuvola@demo.example',
			daysAgo: 25,
			values: { H2: 1, F2: 1 },
			guardiansView: 'Äiti kertoo olevansa väsynyt.'
		}
	],
	3: [
		{
			org: 'school',
			author: 'koulu@demo.example',
			daysAgo: 8,
			values: { S1: 3, E3: 2, L1: 2 },
			evidence: { S1: 'Lapsi kertoi opettajalle isän lyöneen häntä viikonloppuna.' },
			childView: 'En halua mennä kotiin.',
			guardiansView: 'Huoltajia ei ole vielä tavoitettu.',
			strengths: 'Luottaa opettajaansa.'
		}
	],
	4: [
		{
			org: 'substance',
			author: 'paihdepalvelut@demo.example',
			daysAgo: 10,
			values: { P1: 2, P2: 1, S5: 1 },
			evidence: { P1: 'Kannabiksen käyttöä viikoittain.' },
			childView: 'Käyttö on omissa käsissä.',
			strengths: 'Harrastaa musiikkia.'
		},
		{ org: 'school', author: 'koulu@demo.example', daysAgo: 14, values: { L1: 2, R1: 1, E2: 1 } }
	],
	5: [
		{
			org: 'psych',
			author: 'lastenpsykiatria@demo.example',
			daysAgo: 40,
			values: { E1: 2, S3: 1, F2: 1 },
			childView: 'Ahdistaa iltaisin.'
		},
		{ org: 'school', author: 'koulu@demo.example', daysAgo: 35, values: { E1: 0, L1: 1 } }
	],
	6: [
		{
			org: 'clinic',
			author: 'neuvola@demo.example',
			daysAgo: 60,
			values: { H1: 1, H2: 1, F4: 1, F1: 1 }
		}
	],
	7: [
		{
			org: 'youth',
			author: 'nuorisomielenterveys@demo.example',
			daysAgo: 18,
			values: { E1: 1, E2: 1, R1: 1 }
		},
		{ org: 'school', author: 'koulu@demo.example', daysAgo: 16, values: { L1: 1, L2: 1 } }
	],
	8: [
		{
			org: 'unit',
			author: 'laitos@demo.example',
			daysAgo: 5,
			values: { S5: 2, E2: 2, P1: 1, R2: 2 },
			childView: 'Haluan kotiin.',
			strengths: 'Ohjaajien kanssa hyvä suhde.'
		}
	],
	9: [{ org: 'school', author: 'koulu@demo.example', daysAgo: 100, values: { L1: 0, R1: 0 } }],
	10: [
		{
			org: 'daycare',
			author: 'varhaiskasvatus@demo.example',
			daysAgo: 45,
			values: { S2: 2, H2: 2, L3: 1 },
			evidence: { S2: 'Tulee usein päiväkotiin nälkäisenä ja likaisissa vaatteissa.' }
		}
	],
	11: [
		{
			org: 'psych',
			author: 'lastenpsykiatria@demo.example',
			daysAgo: 7,
			values: { S3: 3, E1: 3 },
			evidence: { S3: 'Itsetuhoisia ajatuksia, hoitokontakti tiivistetty.' }
		}
	]
};

export async function seedChildren(tx: Tx, ids: DemoIds, now = new Date()): Promise<string[]> {
	// The responsible workers and the path are set by seedPaths.
	const worker = ids.users['sosiaalityontekija@demo.example']!;
	const childIds: string[] = [];
	for (let i = 0; i < 30; i++) {
		const age = AGES[i] ?? 3 + ((i * 7) % 14);
		const birth = day(new Date(now.getFullYear() - age, (i * 5) % 12, 1 + ((i * 11) % 27)), 0);
		const [c] = await tx
			.insert(child)
			.values({
				teamId: ids.teamId,
				responsibleWorkerId: worker,
				givenName: GIVEN[i]!,
				familyName: FAMILY[i]!,
				dateOfBirth: birth,
				personalIdentityCode: i % 3 === 2 ? null : makeHetu(birth, 900 + i),
				homeMunicipality: 'Järvelä'
			})
			.returning({ id: child.id });
		childIds.push(c!.id);
	}
	const consultant = ids.users['konsultti@demo.example']!;
	const grant = (
		childId: string,
		org: string,
		basis: 'consent' | 'statutory_request',
		daysAgo = 60,
		request?: { message: string; dueInDays: number }
	) =>
		tx.insert(accessGrant).values({
			childId,
			organisationId: ids.orgs[org]!,
			basis,
			consentGivenBy: basis === 'consent' ? 'huoltaja (äiti)' : null,
			consentGivenOn: basis === 'consent' ? day(now, -daysAgo) : null,
			validFrom: day(now, -daysAgo),
			// §3: a 41 § request always ends.
			validUntil: basis === 'statutory_request' ? day(now, 180) : null,
			requestMessage: request?.message ?? null,
			dueOn: request ? day(now, request.dueInDays) : null,
			grantedBy: consultant
		});

	// Grants: the school sees most school-aged children; others where they assess.
	for (let i = 0; i < 16; i++)
		await grant(childIds[i]!, 'school', i % 2 ? 'consent' : 'statutory_request');
	await grant(childIds[1]!, 'daycare', 'consent');
	// An open 41 § information request, answered through the daycare's inbox.
	await grant(childIds[10]!, 'daycare', 'statutory_request', 3, {
		message: 'Pyydämme tietoja lapsen arjesta päiväkodissa ja poissaoloista syksyltä.',
		dueInDays: 7
	});
	for (const i of [2, 6]) await grant(childIds[i]!, 'clinic', 'consent');
	for (const i of [5, 11]) await grant(childIds[i]!, 'psych', 'consent');
	await grant(childIds[7]!, 'youth', 'consent');
	await grant(childIds[4]!, 'substance', 'statutory_request');

	// Child 8 lives in the residential unit: placement, and through it the unit's access.
	const [p] = await tx
		.insert(placement)
		.values({
			childId: childIds[8]!,
			unitOrganisationId: ids.orgs.unit!,
			since: day(now, -120),
			createdBy: consultant
		})
		.returning({ id: placement.id });
	await tx.insert(accessGrant).values({
		childId: childIds[8]!,
		organisationId: ids.orgs.unit!,
		basis: 'placement',
		validFrom: day(now, -120),
		placementId: p!.id,
		grantedBy: consultant
	});

	// Open requests: one overdue, one due next week (the school's inbox).
	await tx.insert(assessmentRequest).values([
		{
			childId: childIds[12]!,
			organisationId: ids.orgs.school!,
			message: 'Pyydämme koulun arviota lapsen tilanteesta ennen tiimin kokousta.',
			dueDate: day(now, -3),
			requestedBy: consultant
		},
		{
			childId: childIds[13]!,
			organisationId: ids.orgs.school!,
			message: 'Miten lapsi on jaksanut koulussa syksyn aikana?',
			dueDate: day(now, 7),
			requestedBy: ids.users['sosiaalityontekija@demo.example']!
		},
		{
			childId: childIds[6]!,
			organisationId: ids.orgs.clinic!,
			message: 'Päivitetty arvio neuvolasta, kiitos.',
			dueDate: day(now, 10),
			requestedBy: consultant
		}
	]);

	for (const [index, plans] of Object.entries(ASSESSMENTS)) {
		const childId = childIds[Number(index)]!;
		for (const a of plans) {
			const at = new Date(now.getTime() - a.daysAgo * 86400_000);
			await tx.insert(assessment).values({
				childId,
				organisationId: ids.orgs[a.org]!,
				authorId: ids.users[a.author]!,
				instrumentVersion: CURRENT_INSTRUMENT.version,
				status: 'submitted',
				ratings: ratings(a.values, a.evidence),
				childView: a.childView ?? '',
				guardiansView: a.guardiansView ?? '',
				strengths: a.strengths ?? '',
				familyInformed: true,
				createdAt: at,
				updatedAt: at,
				submittedAt: at
			});
		}
	}
	// Each status as of the child's newest assessment (a child with none: as of its
	// record's start), so "days since change" differs from child to child. The flags
	// those changes raised are dated today; seedWork backdates the one meant to be overdue.
	for (const [i, childId] of childIds.entries()) {
		const plans = ASSESSMENTS[i];
		const daysAgo = plans ? Math.min(...plans.map((p) => p.daysAgo)) : 20 + i;
		await recomputeChildStatus(tx, childId, 'demo_data', new Date(now.getTime() - daysAgo * DAY));
	}
	const raised = await tx
		.select({ id: flag.id, trigger: flag.trigger })
		.from(flag)
		.where(inArray(flag.childId, childIds));
	for (const f of raised)
		await tx
			.update(flag)
			.set({ raisedAt: now, dueOn: triageDueOn(f.trigger, helsinkiDate(now)) })
			.where(eq(flag.id, f.id));
	// A team decision beside the computed green (docs/domain.md §5 rule 6): many small worries from
	// the clinic alone, and a home visit that worried the team more. Made two weeks ago with a
	// review today, so the coming meeting's agenda carries it (§7 "overrides due for review").
	const overrideAt = new Date(now.getTime() - 14 * 86400_000);
	const reason = 'Kotikäynnillä huoli perheen jaksamisesta oli suurempi kuin arvioissa.';
	await tx
		.update(childStatus)
		.set({
			overrideColour: 'yellow',
			overrideReason: reason,
			overrideReviewOn: helsinkiDate(now),
			overrideBy: ids.users['konsultti@demo.example']!,
			overrideAt
		})
		.where(eq(childStatus.childId, childIds[6]!));
	await tx.insert(childStatusHistory).values({
		childId: childIds[6]!,
		fromColour: 'green',
		toColour: 'yellow',
		reasons: [{ rule: 'team_override', reason }],
		trigger: 'override',
		at: overrideAt
	});
	return childIds;
}
