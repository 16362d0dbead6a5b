import { eq } from 'drizzle-orm';
import { makeHetu } from '../../domain/hetu';
import type { Tx } from '../db';
import { helsinkiDate } from '../../domain/access';
import { addDays } from '../../domain/working-days';
import { child, clientPlan, guardian } from '../db/schema';
import type { DemoIds } from './ids';

/*
 * The demo's family (docs/domain.md §11): Väinö Huttunen, 14, and his two guardians, who
 * sign in to the family's pages through the demo's Suomi.fi stand-in (DEMO_PROVIDER); Venla
 * Salmela, 16, who may ask that her words are kept from her guardians; and one person who
 * is nobody's guardian, to show the plain refusal. Identity codes from the
 * test range (individual numbers 900–999), never a real person's.
 */

/** The child of the demo family: the seed's eighth child, given a fixed identity code. */
export const DEMO_FAMILY_CHILD = 7;
/** A young person of 16 (the seed's fifth child), who may keep her words from guardians. */
export const DEMO_OLDER_CHILD = 4;

export const DEMO_FAMILY = {
	young: { name: 'Väinö Huttunen', code: makeHetu('2012-05-14', 977), born: '2012-05-14' },
	older: { name: 'Venla Salmela', code: makeHetu('2010-03-20', 978), born: '2010-03-20' },
	guardians: [
		{ name: 'Marja Huttunen', code: makeHetu('1984-03-15', 951) },
		{ name: 'Pekka Huttunen', code: makeHetu('1982-11-02', 952) }
	],
	stranger: { name: 'Olli Ulkopuolinen', code: makeHetu('1990-01-01', 990) }
} as const;

export async function seedFamily(tx: Tx, ids: DemoIds, childIds: string[]) {
	const childId = childIds[DEMO_FAMILY_CHILD]!;
	const worker = ids.users['sosiaalityontekija@demo.example']!;
	await tx
		.update(child)
		.set({ personalIdentityCode: DEMO_FAMILY.young.code, dateOfBirth: DEMO_FAMILY.young.born })
		.where(eq(child.id, childId));
	// Born on a fixed day, so she is 15 or more whenever the demo is made.
	await tx
		.update(child)
		.set({ personalIdentityCode: DEMO_FAMILY.older.code, dateOfBirth: DEMO_FAMILY.older.born })
		.where(eq(child.id, childIds[DEMO_OLDER_CHILD]!));
	for (const g of DEMO_FAMILY.guardians)
		await tx
			.insert(guardian)
			.values({ childId, name: g.name, identityCode: g.code, locale: 'fi', createdBy: worker });
	// A plan made last week: the family reads it, and is asked "were you heard" about it.
	const madeOn = addDays(helsinkiDate(new Date()), -7);
	await tx.insert(clientPlan).values({
		childId,
		number: 1,
		language: 'fi',
		madeOn,
		situation: 'Väinö käy koulua, mutta poissaoloja on kertynyt syksyn aikana.',
		goals: 'Koulupäivät sujuvat ja Väinöllä on aikuinen, jolle puhua.',
		services: 'Perhetyö, kerran viikossa (perhetyöntekijä)\nKoulukuraattorin tapaamiset',
		childView: 'Haluan, että minua kuunnellaan ennen päätöksiä.',
		childHeardOn: madeOn,
		parentsView: 'Toivomme tukea aamuihin.',
		parentsHeardOn: madeOn,
		participation: 'Väinö ja huoltajat ovat mukana suunnitelman tarkistuksessa.',
		nextReviewOn: addDays(madeOn, 180),
		madeBy: worker
	});
}

/** The demo Suomi.fi stand-in's people: strong identification, with the identity code. */
export function demoCitizens(identityCodeClaim: string) {
	const loa3 = 'http://ftn.ficora.fi/2017/loa3';
	return [...DEMO_FAMILY.guardians, DEMO_FAMILY.young, DEMO_FAMILY.older, DEMO_FAMILY.stranger].map(
		(p) => ({
			sub: `demo-${p.code}`,
			name: p.name,
			acr: loa3,
			claims: { [identityCodeClaim]: p.code }
		})
	);
}
