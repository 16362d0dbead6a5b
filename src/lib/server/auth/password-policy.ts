import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fi from '@zxcvbn-ts/language-fi';

/** Why a new password is refused (ASVS 2.1.7), in words the form can show. */
export type PasswordProblem = 'common' | 'personal' | 'guessable';

/** zxcvbn's "safely unguessable" (score 3 of 0–4): about 10^8 guesses or more, offline. */
export const MIN_SCORE = 3;

/** Words of this app and its users that make a password easy to guess here. */
const LOCAL_WORDS = [
	'yhteisarvio',
	'lastensuojelu',
	'salasana',
	'lösenord',
	'password',
	'järvelä',
	'demo'
];

let factory: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
	// Built on first use: the dictionaries (the most common and breached passwords, English
	// and Finnish words and names) take some memory and a moment to load.
	factory ??= new ZxcvbnFactory({
		dictionary: {
			...common.dictionary,
			...en.dictionary,
			...Object.fromEntries(Object.entries(fi.dictionary).map(([k, v]) => [`fi_${k}`, v]))
		},
		graphs: common.adjacencyGraphs,
		translations: en.translations
	});
	return factory;
}

/** Lower case, no accents: "Mäkinen" and "makinen" are the same word to an attacker. */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The person's own words: e-mail (whole, local part and its pieces) and names. */
export function personalWords(person: { email: string; displayName?: string | null }): string[] {
	const email = person.email.trim().toLowerCase();
	const local = email.split('@')[0] ?? '';
	const words = [
		email,
		local,
		...local.split(/[._+-]+/),
		...(person.displayName ?? '').split(/\s+/)
	];
	return [...new Set(words.map(fold).filter((w) => w.length >= 3))];
}

/**
 * Checks a new password offline: against the person's own e-mail and names, then with
 * zxcvbn against lists of common and breached passwords and English and Finnish words.
 */
export function passwordProblem(
	password: string,
	person: { email: string; displayName?: string | null }
): PasswordProblem | null {
	const mine = personalWords(person);
	const folded = fold(password);
	// Whole words only ("Kuusi" is not "Uusi"), but the e-mail's local part anywhere.
	const tokens = new Set(folded.split(/[^\p{L}]+/u).filter(Boolean));
	const local = fold(person.email.trim().split('@')[0] ?? '');
	if (mine.some((w) => tokens.has(w)) || (local.length >= 4 && folded.includes(local)))
		return 'personal';
	const result: ZxcvbnResult = zxcvbn().check(password, [...mine, ...LOCAL_WORDS]);
	if (result.score >= MIN_SCORE) return null;
	const fromList = result.sequence.some(
		(m) => m.pattern === 'dictionary' && 'dictionaryName' in m && m.dictionaryName === 'passwords'
	);
	return fromList ? 'common' : 'guessable';
}
