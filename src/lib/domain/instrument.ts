import type { Locale, OrganisationKind } from './roles';

/**
 * The assessment instrument (docs/domain.md §4) as versioned data. Item ids are stable forever:
 * assessments store the version they used, and an old version stays here for reading.
 */

export type Localized = Record<Locale, string>;
export type Rating = 0 | 1 | 2 | 3;
export const RATINGS: readonly Rating[] = [0, 1, 2, 3];

/** Whether a stored or posted number is one of the scale's ratings. */
export const isRating = (r: number): r is Rating => RATINGS.some((x) => x === r);

export type Item = { id: string; domain: string; label: Localized; hint: Localized };
export type Domain = { id: string; label: Localized };
export type Instrument = {
	version: string;
	domains: Domain[];
	items: Item[];
	scale: Record<Rating, Localized>;
	notAssessed: Localized;
	suggested: Record<OrganisationKind, string[]>;
};

const l = (fi: string, sv: string, en: string): Localized => ({ fi, sv, en });
const item = (id: string, label: Localized, hint: Localized): Item => ({
	id,
	domain: id[0]!,
	label,
	hint
});

const ITEMS_V1: Item[] = [
	item(
		'S1',
		l(
			'Väkivalta tai sen uhka kotona',
			'Våld eller hot om våld i hemmet',
			'Violence or threat of violence at home'
		),
		l(
			'Onko lapsi kokenut tai nähnyt väkivaltaa tai sen uhkaa?',
			'Har barnet upplevt eller sett våld eller hot om våld?',
			'Has the child experienced or witnessed violence or threats?'
		)
	),
	item(
		'S2',
		l(
			'Perushoidon laiminlyönti (ruoka, hygienia, valvonta)',
			'Försummad grundläggande omsorg (mat, hygien, tillsyn)',
			'Neglect of basic care (food, hygiene, supervision)'
		),
		l(
			'Saako lapsi ikäänsä nähden riittävän huolenpidon?',
			'Får barnet tillräcklig omsorg för sin ålder?',
			'Does the child get enough care for their age?'
		)
	),
	item(
		'S3',
		l(
			'Itsensä vahingoittaminen tai itsetuhoiset ajatukset',
			'Självskadebeteende eller självmordstankar',
			'Self-harm or suicidal thoughts'
		),
		l(
			'Puhuuko tai toimiiko lapsi tavalla, joka viittaa itsetuhoisuuteen?',
			'Talar eller handlar barnet på ett sätt som tyder på självdestruktivitet?',
			'Does the child talk or act in ways that suggest self-harm?'
		)
	),
	item(
		'S4',
		l(
			'Seksuaalisen hyväksikäytön riski',
			'Risk för sexuellt utnyttjande',
			'Sexual abuse or exploitation risk'
		),
		l(
			'Onko merkkejä hyväksikäytöstä tai sen riskistä, myös verkossa?',
			'Finns tecken på utnyttjande eller risk för det, även på nätet?',
			'Are there signs of abuse or its risk, online too?'
		)
	),
	item(
		'S5',
		l('Karkailu tai katoaminen', 'Rymningar eller försvinnanden', 'Running away or going missing'),
		l(
			'Onko lapsi ollut karkuteillä tai tavoittamattomissa?',
			'Har barnet rymt eller varit oanträffbart?',
			'Has the child run away or been unreachable?'
		)
	),
	item(
		'H1',
		l(
			'Hoitamattomat fyysisen terveyden tarpeet',
			'Obehandlade fysiska hälsobehov',
			'Untreated physical health needs'
		),
		l(
			'Jäävätkö sairaudet, hampaat tai lääkitys hoitamatta?',
			'Blir sjukdomar, tänder eller medicinering obehandlade?',
			'Are illnesses, teeth or medication left untreated?'
		)
	),
	item(
		'H2',
		l('Uni ja päivärytmi', 'Sömn och dygnsrytm', 'Sleep and daily rhythm'),
		l(
			'Nukkuuko lapsi riittävästi ja onko arjessa rytmi?',
			'Sover barnet tillräckligt och har vardagen en rytm?',
			'Does the child sleep enough, and does the day have a rhythm?'
		)
	),
	item(
		'E1',
		l('Mieliala ja ahdistus', 'Sinnesstämning och ångest', 'Mood and anxiety'),
		l(
			'Näkyykö alakuloa, pelkoja tai ahdistusta, joka haittaa arkea?',
			'Syns nedstämdhet, rädslor eller ångest som stör vardagen?',
			'Is there low mood, fear or anxiety that gets in the way of daily life?'
		)
	),
	item(
		'E2',
		l(
			'Aggressiivinen tai häiritsevä käytös',
			'Aggressivt eller störande beteende',
			'Aggressive or disruptive behaviour'
		),
		l(
			'Vahingoittaako käytös lasta itseään tai muita?',
			'Skadar beteendet barnet självt eller andra?',
			'Does the behaviour harm the child or others?'
		)
	),
	item(
		'E3',
		l('Traumaoireet', 'Traumasymtom', 'Trauma symptoms'),
		l(
			'Onko takaumia, välttelyä, ylivireyttä tai muita traumaan viittaavia oireita?',
			'Finns återupplevelser, undvikande, överspändhet eller andra traumasymtom?',
			'Are there flashbacks, avoidance, hyperarousal or other trauma symptoms?'
		)
	),
	item(
		'L1',
		l(
			'Koulun tai päivähoidon käynti',
			'Närvaro i skola eller dagvård',
			'School or daycare attendance'
		),
		l(
			'Onko poissaoloja tai myöhästelyä?',
			'Finns frånvaro eller förseningar?',
			'Are there absences or late arrivals?'
		)
	),
	item(
		'L2',
		l('Oppimisen vaikeudet', 'Inlärningssvårigheter', 'Learning difficulties'),
		l(
			'Saako lapsi tarvitsemansa tuen oppimiseen?',
			'Får barnet det stöd för lärandet som behövs?',
			'Does the child get the learning support they need?'
		)
	),
	item(
		'L3',
		l('Kehityksen viivästymä', 'Försenad utveckling', 'Developmental delay'),
		l(
			'Onko kehitys ikätasoon nähden viivästynyt?',
			'Är utvecklingen försenad i förhållande till åldern?',
			'Is development delayed for the child’s age?'
		)
	),
	item(
		'R1',
		l(
			'Kaverisuhteet, kiusaaminen, yksinäisyys',
			'Kamratrelationer, mobbning, ensamhet',
			'Peers, bullying, isolation'
		),
		l(
			'Onko lapsella ystäviä? Kiusataanko tai kiusaako hän?',
			'Har barnet vänner? Blir barnet mobbat eller mobbar?',
			'Does the child have friends? Are they bullied or bullying?'
		)
	),
	item(
		'R2',
		l(
			'Lapsen ja vanhemman suhde',
			'Relationen mellan barn och förälder',
			'Child–caregiver relationship'
		),
		l(
			'Onko suhteessa lämpöä, turvaa ja vuorovaikutusta?',
			'Finns värme, trygghet och samspel i relationen?',
			'Is there warmth, safety and interaction in the relationship?'
		)
	),
	item(
		'P1',
		l('Alkoholin tai huumeiden käyttö', 'Alkohol- eller drogbruk', 'Alcohol or drug use'),
		l(
			'Lapsen tai nuoren oma käyttö.',
			'Barnets eller den ungas eget bruk.',
			'The child’s or young person’s own use.'
		)
	),
	item(
		'P2',
		l('Rikoksilla oireilu', 'Brottslighet', 'Offending'),
		l(
			'Onko nuori tehnyt rikoksia tai ollut mukana niissä?',
			'Har den unga begått eller varit inblandad i brott?',
			'Has the young person offended or been involved in offences?'
		)
	),
	item(
		'F1',
		l('Vanhemman päihteiden käyttö', 'Förälderns missbruk', 'Caregiver substance use'),
		l(
			'Vaikuttaako vanhemman päihteiden käyttö lapsen arkeen?',
			'Påverkar förälderns missbruk barnets vardag?',
			'Does the caregiver’s substance use affect the child’s daily life?'
		)
	),
	item(
		'F2',
		l('Vanhemman mielenterveys', 'Förälderns psykiska hälsa', 'Caregiver mental health'),
		l(
			'Vaikuttaako vanhemman vointi hänen jaksamiseensa lapsen kanssa?',
			'Påverkar förälderns mående orken med barnet?',
			'Does the caregiver’s wellbeing affect their capacity with the child?'
		)
	),
	item(
		'F3',
		l(
			'Vanhempien kyky pitää lapsi turvassa ja hyvinvoivana',
			'Föräldrarnas förmåga att hålla barnet tryggt och välmående',
			'Caregivers’ capacity to keep the child safe and well'
		),
		l(
			'Pystyvätkö vanhemmat suojelemaan lasta ja vastaamaan hänen tarpeisiinsa?',
			'Kan föräldrarna skydda barnet och möta dess behov?',
			'Can the caregivers protect the child and meet their needs?'
		)
	),
	item(
		'F4',
		l('Asuminen ja toimeentulo', 'Boende och försörjning', 'Housing and livelihood'),
		l(
			'Onko perheellä vakaa koti ja riittävä toimeentulo?',
			'Har familjen ett stabilt hem och tillräcklig försörjning?',
			'Does the family have a stable home and enough income?'
		)
	)
];

const ALL = ITEMS_V1.map((i) => i.id);
/** Whole domains ('L') or single items ('S1'), returned in instrument order. */
const range = (...ids: string[]) => ALL.filter((x) => ids.includes(x) || ids.includes(x[0]!));

export const INSTRUMENT_V1: Instrument = {
	version: '1',
	domains: [
		{ id: 'S', label: l('Turvallisuus', 'Trygghet', 'Safety') },
		{ id: 'H', label: l('Terveys', 'Hälsa', 'Health') },
		{
			id: 'E',
			label: l(
				'Tunne-elämä ja käyttäytyminen',
				'Känsloliv och beteende',
				'Emotional and behavioural'
			)
		},
		{
			id: 'L',
			label: l('Kehitys ja oppiminen', 'Utveckling och lärande', 'Development and learning')
		},
		{ id: 'R', label: l('Ihmissuhteet', 'Relationer', 'Relationships') },
		{ id: 'P', label: l('Päihteet', 'Rusmedel', 'Substance use') },
		{ id: 'F', label: l('Vanhemmuus ja perhe', 'Föräldraskap och familj', 'Family and caregiving') }
	],
	items: ITEMS_V1,
	scale: {
		0: l('ei huolta', 'ingen oro', 'no evidence of need'),
		1: l('lievä huoli, seurataan', 'lindrig oro, följs upp', 'watch or prevent'),
		2: l('toimenpiteitä tarvitaan', 'åtgärder behövs', 'action needed'),
		3: l(
			'välitön tai intensiivinen tarve',
			'omedelbart eller intensivt behov',
			'act now: immediate or intensive need'
		)
	},
	notAssessed: l('ei arvioitu', 'inte bedömt', 'not assessed'),
	suggested: {
		child_protection: ALL,
		school: range('L', 'R', 'E', 'S1', 'S2', 'S3', 'P'),
		child_health_clinic: range('H', 'L3', 'S2', 'F'),
		child_psychiatry: range('E', 'S3', 'R', 'F2'),
		youth_mental_health: range('E', 'S3', 'R1', 'P1', 'F2'),
		substance_abuse: range('P', 'F1', 'S'),
		early_education: range('L', 'R2', 'S2', 'H2'),
		residential_unit: ALL
	}
};

export const INSTRUMENTS: Record<string, Instrument> = { '1': INSTRUMENT_V1 };
export const CURRENT_INSTRUMENT = INSTRUMENT_V1;

export function instrument(version: string): Instrument {
	const found = INSTRUMENTS[version];
	if (!found) throw new Error(`Unknown instrument version ${version}`);
	return found;
}

/** Suggested items first (in instrument order), then the rest. */
export function itemsFor(
	inst: Instrument,
	kind: OrganisationKind
): { suggested: Item[]; others: Item[] } {
	const s = new Set(inst.suggested[kind]);
	return {
		suggested: inst.items.filter((i) => s.has(i.id)),
		others: inst.items.filter((i) => !s.has(i.id))
	};
}

export function localized(text: Localized, locale: Locale): string {
	return text[locale] ?? text.fi;
}
