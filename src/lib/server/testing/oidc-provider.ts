import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';

/**
 * A real OpenID Provider for the tests and the demo (`oidc-provider`), on a free port of
 * this machine (DOMAIN §12, ADR 039). It signs in whoever the authorization request names
 * in `login_hint`, else the person a spec chose in `choose`, else the person picked on its
 * one page (a browser test or a newcomer trying the demo). The rest (codes, PKCE, ID tokens
 * signed with its own keys, JWKS, sign-out) is the provider's own.
 */
export type TestPerson = {
	sub: string;
	email?: string;
	name?: string;
	/** What the provider says about how the person signed in. */
	amr?: string[];
	acr?: string;
	/** Further claims in the ID token (a Suomi.fi-style identity code, say). */
	claims?: Record<string, string>;
};

/** The claim of the national identity code, as Suomi.fi names it. */
export const IDENTITY_CODE_CLAIM = 'urn:oid:1.2.246.21';

export type TestProvider = {
	issuer: string;
	clientId: string;
	clientSecret: string;
	redirectUri: string;
	people: Map<string, TestPerson>;
	/** Who signs in when the request names nobody; null: the person is picked on a page. */
	choose: string | null;
	/** The provider's private key (JWK), for a spec that forges a token the provider did not. */
	signingKey: Record<string, unknown>;
	close: () => Promise<void>;
};

export async function startTestProvider(
	redirectUri: string,
	opts: { port?: number } = {}
): Promise<TestProvider> {
	const people = new Map<string, TestPerson>();
	const clientId = 'yhteisarvio-test';
	const clientSecret = crypto.randomUUID();
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' };

	const server: Server = createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, '127.0.0.1', resolve);
	});
	const port = (server.address() as { port: number }).port;
	const issuer = `http://localhost:${port}`;

	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: clientId,
				client_secret: clientSecret,
				redirect_uris: [redirectUri],
				// Back to the app's login page after signing out here (RP-initiated logout).
				post_logout_redirect_uris: [new URL('/login?logged_out=1', redirectUri).href],
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
			// `tid` and `upn`: Entra ID's tenant and sign-in name, for a shared provider.
			openid: ['sub', 'acr', 'amr', 'tid', 'upn', IDENTITY_CODE_CLAIM],
			email: ['email'],
			profile: ['name']
		},
		conformIdTokenClaims: false,
		features: {
			devInteractions: { enabled: false },
			rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource }
		},
		interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
		findAccount: (_ctx: unknown, sub: string) => {
			const p = people.get(sub);
			return (
				p && {
					accountId: sub,
					claims: () => ({ sub, email: p.email, name: p.name, ...p.claims })
				}
			);
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
			const picked = req.method === 'POST' ? new URLSearchParams(await body(req)).get('sub') : null;
			const sub = details.params.login_hint ?? picked ?? state.choose;
			if (sub === null) return chooser(res, details.uid);
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

	/** The page that picks the test person: one button each, plain HTML. */
	function chooser(res: Parameters<typeof handle>[1], uid: string) {
		const buttons = [...people.values()]
			.map(
				(p) =>
					`<p><button type="submit" name="sub" value="${esc(p.sub)}">${esc(p.name ?? p.sub)}</button></p>`
			)
			.join('');
		res.setHeader('content-type', 'text/html; charset=utf-8');
		res.end(
			page(
				'Testikirjautuminen',
				`<p>Tämä on kehityskäytön testipalvelu, ei oikea tunnistus. Valitse, kenenä kirjaudut.</p><form method="post" action="/interaction/${esc(uid)}">${buttons}</form>`
			)
		);
	}

	const state = {
		issuer,
		clientId,
		clientSecret,
		redirectUri,
		people,
		choose: null as string | null,
		signingKey: jwk as Record<string, unknown>,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
	return state;
}

/** The provider's sign-out pages: a confirming button, then a line that it is done. */
function logoutSource(ctx: { body: string }, form: string) {
	ctx.body = page(
		'Uloskirjautuminen',
		`${form}<p>Kirjaudutaanko ulos myös testipalvelusta?</p><p><button type="submit" form="op.logoutForm" name="logout" value="yes">Kirjaudu ulos</button></p>`
	);
}
function postLogoutSuccessSource(ctx: { body: string }) {
	ctx.body = page('Uloskirjautuminen', '<p>Olet kirjautunut ulos testipalvelusta.</p>');
}

function page(title: string, content: string) {
	return `<!doctype html><html lang="fi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1>${content}</main></body></html>`;
}

function esc(v: string) {
	return v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function body(req: NodeJS.ReadableStream): Promise<string> {
	return new Promise((resolve, reject) => {
		let data = '';
		req.setEncoding('utf8');
		req.on('data', (chunk: string) => {
			data += chunk;
			if (data.length > 10_000) reject(new Error('too large'));
		});
		req.on('end', () => resolve(data));
		req.on('error', reject);
	});
}

/**
 * The browser's part in a spec: follows redirects (keeping each origin's cookies in `jar`)
 * from `start` until one leads to `until`, and returns that address.
 */
export async function followRedirects(
	start: string,
	until: string,
	jar = new Map<string, string>()
): Promise<URL> {
	let url = start;
	for (let i = 0; i < 10; i++) {
		const res = await fetch(url, {
			redirect: 'manual',
			headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }
		});
		for (const c of res.headers.getSetCookie()) {
			const [pair] = c.split(';');
			const at = pair!.indexOf('=');
			jar.set(pair!.slice(0, at), pair!.slice(at + 1));
		}
		const next = res.headers.get('location');
		if (!next) throw new Error(`the provider stopped at ${res.status}: ${await res.text()}`);
		url = new URL(next, url).toString();
		if (url.startsWith(until)) return new URL(url);
	}
	throw new Error('too many redirects');
}
