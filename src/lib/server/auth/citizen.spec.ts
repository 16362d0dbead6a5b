import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeHetu } from '../../domain/hetu';
import { readEnv } from '../env';
import { log } from '../log';
import {
	followRedirects,
	IDENTITY_CODE_CLAIM,
	startTestProvider,
	type TestProvider
} from '../testing/oidc-provider';
import {
	citizenAuthorizationRequest,
	citizenSettings,
	CitizenSignInRefused,
	completeCitizenSignIn,
	discoverProvider,
	type CitizenSettings
} from './oidc';

/**
 * Families and young people sign in with Suomi.fi e-Identification (DOMAIN §12), here a
 * real OpenID provider in Suomi.fi's shape: strong identification only (`acr` substantial
 * or high), the national identity code as the key, and the code never in a URL, an
 * error's message or the log.
 */
const REDIRECT = 'http://localhost:5998/family/login/callback';
const LOA = (n: number) => `http://ftn.ficora.fi/2017/loa${n}`;
const CODE = makeHetu('1984-03-15', 123);
let op: TestProvider;
let settings: CitizenSettings;

beforeAll(async () => {
	op = await startTestProvider(REDIRECT);
	const person = (sub: string, acr: string, code: string | null) =>
		op.people.set(sub, {
			sub,
			name: 'Maija Meikäläinen',
			acr,
			claims: code === null ? {} : { [IDENTITY_CODE_CLAIM]: code }
		});
	person('strong', LOA(3), CODE);
	person('substantial', LOA(2), CODE.toLowerCase());
	person('weak', LOA(1), CODE);
	person('no-code', LOA(3), null);
	person('bad-code', LOA(3), CODE.slice(0, -1) + (CODE.endsWith('A') ? 'B' : 'A'));
	settings = citizenSettings(
		readEnv({
			SUOMIFI_ISSUER: op.issuer,
			SUOMIFI_CLIENT_ID: op.clientId,
			SUOMIFI_CLIENT_SECRET: op.clientSecret
		})
	)!;
});
afterAll(() => op.close());

async function signIn(sub: string) {
	op.choose = sub;
	const config = await discoverProvider(settings);
	const { url, pending } = await citizenAuthorizationRequest(config, settings, REDIRECT);
	const answer = await followRedirects(url.toString(), REDIRECT);
	return { config, url, answer, pending };
}

describe('a family member’s sign-in with Suomi.fi (DOMAIN §12)', () => {
	it('asks for strong identification and keys the person by a checked identity code', async () => {
		const s = await signIn('strong');
		expect(s.url.searchParams.get('acr_values')).toBe(`${LOA(2)} ${LOA(3)}`);
		expect(await completeCitizenSignIn(s.config, settings, s.answer, s.pending)).toEqual({
			issuer: op.issuer,
			subject: 'strong',
			identityCode: CODE,
			birthDate: '1984-03-15',
			name: 'Maija Meikäläinen',
			acr: LOA(3)
		});
		const substantial = await signIn('substantial');
		const identity = await completeCitizenSignIn(
			substantial.config,
			settings,
			substantial.answer,
			substantial.pending
		);
		// Normalised: the same person whatever the letter case the provider sent.
		expect(identity.identityCode).toBe(CODE);
	});

	it('refuses anything weaker than substantial', async () => {
		const s = await signIn('weak');
		await expect(completeCitizenSignIn(s.config, settings, s.answer, s.pending)).rejects.toEqual(
			new CitizenSignInRefused('weak_identification')
		);
	});

	it('refuses an identification without a valid identity code', async () => {
		for (const sub of ['no-code', 'bad-code']) {
			const s = await signIn(sub);
			await expect(
				completeCitizenSignIn(s.config, settings, s.answer, s.pending),
				sub
			).rejects.toEqual(new CitizenSignInRefused('no_identity_code'));
		}
	});

	it('never puts the identity code in a URL, an error or a log line', async () => {
		const written: string[] = [];
		// The logger's lines (process.stdout) and anything said on the console.
		const spies = [
			vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
				written.push(String(chunk));
				return true;
			}),
			...(['log', 'info', 'warn', 'error', 'debug'] as const).map((k) =>
				vi.spyOn(console, k).mockImplementation((...args: unknown[]) => {
					written.push(args.map(String).join(' '));
				})
			)
		];
		const level = log.level;
		log.level = 'debug';
		try {
			const s = await signIn('strong');
			await completeCitizenSignIn(s.config, settings, s.answer, s.pending);
			const bad = await signIn('bad-code');
			const refusal = await completeCitizenSignIn(
				bad.config,
				settings,
				bad.answer,
				bad.pending
			).then(
				() => new Error('not refused'),
				(e: unknown) => e as Error
			);
			// What the app would log of a refusal: its facts only.
			log.warn({ err: refusal }, 'citizen sign-in refused');
			for (const text of [
				s.url.href,
				s.answer.href,
				`${refusal.name}: ${refusal.message}`,
				...written
			])
				expect(text.toUpperCase()).not.toContain(CODE.slice(0, 6));
			expect(written.join('')).toContain('citizen sign-in refused');
		} finally {
			log.level = level;
			for (const spy of spies) spy.mockRestore();
		}
	});

	it('is off without its settings, and refused on half of them or plain http elsewhere', () => {
		expect(citizenSettings(readEnv({}))).toBeNull();
		expect(() => readEnv({ SUOMIFI_ISSUER: 'https://tunnistus.example.fi' })).toThrow(
			/SUOMIFI_ISSUER/
		);
		expect(() =>
			readEnv({
				SUOMIFI_ISSUER: 'http://tunnistus.example.fi',
				SUOMIFI_CLIENT_ID: 'a',
				SUOMIFI_CLIENT_SECRET: 'b'
			})
		).toThrow(/SUOMIFI_ISSUER/);
		expect(settings.acrValues).toEqual([LOA(2), LOA(3)]);
		expect(settings.identityCodeClaim).toBe(IDENTITY_CODE_CLAIM);
	});
});
