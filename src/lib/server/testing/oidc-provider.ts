import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';

/**
 * A real OpenID Provider for the tests (`oidc-provider`), on a free port of this machine
 * (DOMAIN §12, ADR 039). It signs in whoever the authorization request names in
 * `login_hint`, with no pages: a test chooses the person and whether the provider asserts
 * a second factor, and the rest (codes, PKCE, ID tokens signed with its own keys, JWKS) is
 * the provider's own.
 */
export type TestPerson = {
	sub: string;
	email?: string;
	name?: string;
	/** What the provider says about how the person signed in. */
	amr?: string[];
	acr?: string;
};

export type TestProvider = {
	issuer: string;
	clientId: string;
	clientSecret: string;
	redirectUri: string;
	people: Map<string, TestPerson>;
	close: () => Promise<void>;
};

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
	const people = new Map<string, TestPerson>();
	const clientId = 'yhteisarvio-test';
	const clientSecret = crypto.randomUUID();
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' };

	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as { port: number }).port;
	const issuer = `http://localhost:${port}`;

	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: clientId,
				client_secret: clientSecret,
				redirect_uris: [redirectUri],
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_post'
			}
		],
		jwks: { keys: [jwk] },
		pkce: { required: () => true },
		// How the person signed in (acr, amr) and who they are, in the ID token itself: the
		// app reads the token, as it would Entra ID's, not the userinfo endpoint.
		claims: {
			acr: null,
			amr: null,
			auth_time: null,
			sid: null,
			openid: ['sub', 'acr', 'amr'],
			email: ['email'],
			profile: ['name']
		},
		conformIdTokenClaims: false,
		features: { devInteractions: { enabled: false } },
		interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
		findAccount: (_ctx: unknown, sub: string) => {
			const p = people.get(sub);
			return p && { accountId: sub, claims: () => ({ sub, email: p.email, name: p.name }) };
		},
		// Quiet: the provider logs to the console by default.
		renderError: (ctx: { type: string; body: string }, out: { error: string }) => {
			ctx.type = 'text';
			ctx.body = out.error;
		}
	});
	const handle = provider.callback();
	server.on('request', (req, res) => {
		const m = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
		if (!m) return handle(req, res);
		void interact(req, res).catch((e: unknown) => {
			res.statusCode = 500;
			res.end(String(e));
		});
	});

	/** Signs in the person of `login_hint` and grants what the app asked for, at once. */
	async function interact(req: Parameters<typeof handle>[0], res: Parameters<typeof handle>[1]) {
		const details = await provider.interactionDetails(req, res);
		if (details.prompt.name === 'login') {
			const sub = details.params.login_hint ?? '';
			const p = people.get(sub);
			if (!p) {
				res.statusCode = 403;
				return res.end('unknown test person');
			}
			return provider.interactionFinished(
				req,
				res,
				{ login: { accountId: sub, amr: p.amr, acr: p.acr } },
				{ mergeWithLastSubmission: false }
			);
		}
		const grant = new provider.Grant({
			accountId: details.session!.accountId!,
			clientId
		});
		grant.addOIDCScope(details.params.scope ?? 'openid');
		return provider.interactionFinished(
			req,
			res,
			{ consent: { grantId: await grant.save() } },
			{ mergeWithLastSubmission: true }
		);
	}

	return {
		issuer,
		clientId,
		clientSecret,
		redirectUri,
		people,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
