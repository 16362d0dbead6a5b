import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startTestProvider, type TestProvider } from './oidc-provider';

/**
 * A spec file's own identity provider, as the app finds one: started before the file's
 * tests and named in `<prefix>_ISSUER`, `_CLIENT_ID` and `_CLIENT_SECRET` (OIDC: the
 * organisations' sign-in, SUOMIFI: the family's); after them closed, and the environment
 * put back as it was. Each test starts with nobody chosen at the provider. Call it before
 * the file's own `beforeAll`, which may then add people to `op`.
 */
export function useTestProvider(prefix: 'OIDC' | 'SUOMIFI', callback: string) {
	const keys = [`${prefix}_ISSUER`, `${prefix}_CLIENT_ID`, `${prefix}_CLIENT_SECRET`] as const;
	const saved = new Map<string, string | undefined>();
	let op: TestProvider | undefined;
	beforeAll(async () => {
		op = await startTestProvider(callback);
		for (const k of keys) saved.set(k, process.env[k]);
		const [issuer, clientId, secret] = keys;
		process.env[issuer] = op.issuer;
		process.env[clientId] = op.clientId;
		process.env[secret] = op.clientSecret;
	});
	afterAll(async () => {
		for (const [k, v] of saved) {
			if (v === undefined) delete process.env[k];
			else process.env[k] = v;
		}
		await op?.close();
	});
	beforeEach(() => {
		if (op) op.choose = null;
	});
	return {
		/** The three variables, for a test that takes the provider away. */
		keys,
		get op(): TestProvider {
			if (!op) throw new Error('the test provider starts in beforeAll');
			return op;
		}
	};
}
