import type { Localized, Rating } from './instrument';
import { CURRENT_INSTRUMENT } from './instrument';
import { RULES, type OwnViewDisagreement, type Signal, type Status } from './traffic-light';

/*
 * The young person's own view (docs/domain.md §11): one statement per domain of the
 * instrument in words a 12-year-old reads, four answers. Answers are stored on the
 * instrument's 0–3 worry scale (0: the statement is true, nothing to worry about), so they
 * can be set beside the professionals' ratings. They are never part of the colour: they
 * add signals, and never lower or remove anything.
 */

export const OWN_VIEW_VERSION = '1';

const l = (fi: string, sv: string, en: string): Localized => ({ fi, sv, en });

/** One statement per domain, in instrument order. */
export const OWN_VIEW_STATEMENTS: Record<OwnViewDomain, Localized> = {
	S: l(
		'Olen turvassa kotona ja muualla, missä vietän aikaa.',
		'Jag är trygg hemma och där jag annars är.',
		'I am safe at home and wherever I spend my time.'
	),
	H: l(
		'Voin hyvin ja nukun tarpeeksi.',
		'Jag mår bra och sover tillräckligt.',
		'I feel well and get enough sleep.'
	),
	E: l('Pärjään tunteideni kanssa.', 'Jag klarar av mina känslor.', 'I can cope with my feelings.'),
	L: l(
		'Koulu tai opiskelu sujuu minulta.',
		'Skolan eller studierna går bra för mig.',
		'School or studying goes well for me.'
	),
	R: l(
		'Minulla on ihmisiä, joiden kanssa minun on hyvä olla.',
		'Jag har människor som jag mår bra med.',
		'I have people I feel good with.'
	),
	P: l(
		'Alkoholi tai huumeet eivät ole minulle ongelma.',
		'Alkohol eller droger är inget problem för mig.',
		'Alcohol or drugs are not a problem for me.'
	),
	F: l(
		'Aikuiset kotona pitävät minusta huolta.',
		'De vuxna hemma tar hand om mig.',
		'The adults at home take care of me.'
	)
};

/** The four answers, by the worry they express. */
export const OWN_VIEW_ANSWERS: Record<Rating, Localized> = {
	0: l('Totta', 'Stämmer', 'True'),
	1: l('Melkein totta', 'Stämmer nästan', 'Mostly true'),
	2: l('Ei oikein totta', 'Stämmer inte riktigt', 'Not really true'),
	3: l('Ei totta ollenkaan', 'Stämmer inte alls', 'Not true at all')
};

/**
 * A Safety answer at or above this is "I am not safe". 2 and not 3: "not really safe" is
 * already not safe, as a professional's Safety 2 is already red (§5 rule 3).
 */
export const NOT_SAFE_ANSWER: Rating = 2;

/** The domains the young person answers, in instrument order (a spec holds them equal). */
export const OWN_VIEW_DOMAINS = ['S', 'H', 'E', 'L', 'R', 'P', 'F'] as const;
export type OwnViewDomain = (typeof OWN_VIEW_DOMAINS)[number];

/** Answers by domain; null: "I don't want to answer" (never read as 0). */
export type OwnAnswers = Record<string, Rating | null>;

export type OwnViewFact = { id: string; answers: OwnAnswers; at: Date };

/** The highest combined rating of a domain's items, or null when none is rated. */
export function professionalsOn(status: Pick<Status, 'combined'>, domainId: string): Rating | null {
	let top: Rating | null = null;
	for (const item of CURRENT_INSTRUMENT.items) {
		if (item.domain !== domainId) continue;
		const r = status.combined[item.id]?.rating;
		if (r !== undefined && (top === null || r > top)) top = r;
	}
	return top;
}

/**
 * The signals the newest own view adds: a `disagreement` per domain where the answer is
 * `disagreementGap` or more from the professionals' highest rating (either way: the young
 * person may worry more, or less), and `not_safe` on a Safety answer of 2 or more.
 */
export function ownViewSignals(
	own: OwnViewFact | null,
	status: Pick<Status, 'combined'>
): Signal[] {
	if (!own) return [];
	const out: Signal[] = [];
	for (const domainId of OWN_VIEW_DOMAINS) {
		const answer = own.answers[domainId];
		if (answer === null || answer === undefined) continue;
		const professionals = professionalsOn(status, domainId);
		if (professionals !== null && Math.abs(answer - professionals) >= RULES.disagreementGap) {
			const d: OwnViewDisagreement = {
				signal: 'disagreement',
				domainId,
				own: answer,
				professionals,
				viewId: own.id,
				at: own.at
			};
			out.push(d);
		}
	}
	const safety = own.answers['S'];
	if (safety !== null && safety !== undefined && safety >= NOT_SAFE_ANSWER)
		out.push({ signal: 'not_safe', viewId: own.id, answer: safety, at: own.at });
	return out;
}

/**
 * The status with the own view's signals added. The colour, the domain colours and the
 * reasons are the professionals' alone: the own view is never averaged into them.
 */
export function withOwnView<S extends Status>(status: S, own: OwnViewFact | null): S {
	const extra = ownViewSignals(own, status);
	return extra.length ? { ...status, signals: [...status.signals, ...extra] } : status;
}
