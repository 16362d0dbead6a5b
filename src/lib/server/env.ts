import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ACCESS_LOG_DEFAULT_MONTHS, ACCESS_LOG_MIN_MONTHS } from '../domain/retention';

/** One identity provider of OIDC_PROVIDERS (DOMAIN §12). */
const providerSchema = z.object({
	id: z.string().regex(/^[a-z0-9-]{1,40}$/),
	label: z.string().min(1).max(80),
	issuer: z.url().refine((v) => secureIssuer(v), 'must be https (http only for localhost)'),
	clientId: z.string().min(1),
	clientSecret: z.string().min(1),
	mfaAmr: z.array(z.string().min(1)).optional(),
	mfaAcr: z.string().min(1).optional(),
	emailClaim: z.string().min(1).optional(),
	nameClaim: z.string().min(1).optional(),
	allowed: z
		.object({ claim: z.string().min(1), values: z.array(z.string().min(1)).min(1) })
		.optional()
});

/** Configuration comes only from the environment, checked once. */
const envSchema = z
	.object({
		DATABASE_URL: z.string().min(1).optional(),
		/** The owner's connection for migrations; unset: DATABASE_URL is the owner too. */
		DATABASE_MIGRATION_URL: z.string().min(1).optional(),
		DATA_DIR: z.string().min(1).default('./.data'),
		MIGRATIONS_DIR: z.string().min(1).default('./drizzle'),
		/** The migrated, empty embedded database that `npm run build` makes (ADR 034). */
		PGLITE_TEMPLATE: z.string().min(1).default('./build/pglite-template'),
		ORIGIN: z.url().optional(),
		/** e.g. smtp://user:pass@mail.example:587. Unset: notifications stay in the app only. */
		SMTP_URL: z.url().optional(),
		/**
		 * Without SMTP_URL, mail that must reach a person (a set-password link) is written to
		 * this folder, readable by the machine's owner only; never to the log. Default for
		 * the embedded database: `<DATA_DIR>/mail`. Not for a deployment behind https.
		 */
		MAIL_DIR: z.string().min(1).optional(),
		MAIL_FROM: z.string().min(3).default('Yhteisarvio <no-reply@localhost>'),
		/** adapter-node's: the header that carries the client's address behind a proxy. */
		ADDRESS_HEADER: z.string().min(1).optional(),
		/** Addresses (comma-separated) that may read /metrics; unset: nobody. */
		METRICS_ALLOW: z.string().optional(),
		/**
		 * Whole months the access log is kept (ADR 046): at least 24 (Act 703/2023 § 11), by
		 * default 144; the region's information management plan decides.
		 */
		ACCESS_LOG_RETENTION_MONTHS: z.coerce
			.number()
			.int()
			.min(ACCESS_LOG_MIN_MONTHS, 'must be at least 24 (a guardian may ask for two years)')
			.max(1200)
			.default(ACCESS_LOG_DEFAULT_MONTHS),
		/** Seconds between outbox and overdue runs of the background worker. */
		WORKER_INTERVAL: z.coerce.number().int().min(1).default(30),
		/**
		 * 32 bytes, base64 or hex: encrypts the authenticator secrets. Required with
		 * DATABASE_URL outside tests; the embedded database keeps one in its data folder.
		 */
		ENCRYPTION_KEY: z
			.string()
			.refine((v) => keyBytes(v) !== null, { message: 'must be 32 bytes, base64 or hex' })
			.optional(),
		SEED_DEMO: z
			.enum(['true', 'false', '1', '0'])
			.optional()
			.transform((v) => v === 'true' || v === '1'),
		/**
		 * Sign-in with the organisation's identity provider (OpenID Connect, DOMAIN §12): its
		 * issuer, and this app's client id and secret there. All three or none.
		 */
		OIDC_ISSUER: z.url().optional(),
		OIDC_CLIENT_ID: z.string().min(1).optional(),
		OIDC_CLIENT_SECRET: z.string().min(1).optional(),
		/**
		 * Further providers, or several organisations' (a JSON array: id, label, issuer,
		 * clientId, clientSecret; optionally mfaAmr, mfaAcr, emailClaim, nameClaim and
		 * allowed: { claim, values }). Each gets its own button on the login page.
		 */
		OIDC_PROVIDERS: z
			.string()
			.optional()
			.transform((v, ctx) => {
				if (v === undefined || v.trim() === '') return undefined;
				try {
					const parsed: unknown = JSON.parse(v);
					return parsed;
				} catch {
					ctx.addIssue({ code: 'custom', message: 'must be a JSON array' });
					return z.NEVER;
				}
			})
			.pipe(
				z
					.array(providerSchema)
					.refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, 'ids must differ')
					.refine(
						(ps) => ps.every((p) => p.id !== 'organisation'),
						"'organisation' is OIDC_ISSUER's"
					)
					.optional()
			),
		/** `amr` values that count as the provider's second factor (comma-separated). */
		OIDC_MFA_AMR: z.string().min(1).default('mfa,otp,hwk'),
		/** An `acr` the provider uses for a second factor, if it says so that way. */
		OIDC_MFA_ACR: z.string().min(1).optional(),
		/**
		 * Days after which an account the provider no longer signs in is deactivated (a
		 * leaver, DOMAIN §12).
		 */
		OIDC_LEAVER_DAYS: z.coerce.number().int().min(1).max(3650).default(60),
		/**
		 * Families' and young people's sign-in with Suomi.fi e-Identification (OpenID
		 * Connect, DOMAIN §12): its issuer, and this app's client id and secret. All or none.
		 */
		SUOMIFI_ISSUER: z.url().optional(),
		SUOMIFI_CLIENT_ID: z.string().min(1).optional(),
		SUOMIFI_CLIENT_SECRET: z.string().min(1).optional(),
		/** The `acr` values that are strong identification: substantial and high. */
		SUOMIFI_ACR: z
			.string()
			.min(1)
			.default('http://ftn.ficora.fi/2017/loa2,http://ftn.ficora.fi/2017/loa3'),
		/** The claim that carries the national identity code. */
		SUOMIFI_IDENTITY_CODE_CLAIM: z.string().min(1).default('urn:oid:1.2.246.21'),
		/**
		 * The demo's own identity provider beside the app (`npm start` only; never behind
		 * https): the demo accounts sign in through it too (DOMAIN §12).
		 */
		DEMO_PROVIDER: z
			.enum(['true', 'false', '1', '0'])
			.optional()
			.transform((v) => v === 'true' || v === '1')
	})
	.refine(
		(env) =>
			[env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].every((v) => v === undefined) ||
			[env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].every((v) => v !== undefined),
		{
			// Half a configuration would show a sign-in button that cannot work.
			path: ['OIDC_ISSUER'],
			message: 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together'
		}
	)
	.refine((env) => !env.OIDC_ISSUER || secureIssuer(env.OIDC_ISSUER), {
		// Tokens and keys come from the issuer: only over TLS, but for a provider on this machine.
		path: ['OIDC_ISSUER'],
		message: 'must be https (http only for localhost)'
	})
	.refine(
		(env) =>
			[env.SUOMIFI_ISSUER, env.SUOMIFI_CLIENT_ID, env.SUOMIFI_CLIENT_SECRET].every(
				(v) => v === undefined
			) ||
			[env.SUOMIFI_ISSUER, env.SUOMIFI_CLIENT_ID, env.SUOMIFI_CLIENT_SECRET].every(
				(v) => v !== undefined
			),
		{
			path: ['SUOMIFI_ISSUER'],
			message: 'SUOMIFI_ISSUER, SUOMIFI_CLIENT_ID and SUOMIFI_CLIENT_SECRET go together'
		}
	)
	.refine((env) => !env.SUOMIFI_ISSUER || secureIssuer(env.SUOMIFI_ISSUER), {
		path: ['SUOMIFI_ISSUER'],
		message: 'must be https (http only for localhost)'
	})
	.refine((env) => !env.DATABASE_URL || env.ENCRYPTION_KEY, {
		// A real database needs a real key; the embedded one keeps its own (ADR 014).
		path: ['ENCRYPTION_KEY'],
		message: 'required with DATABASE_URL'
	});

/**
 * What the web server needs beyond what every script needs (the migration and seed
 * scripts run on a deployment's database without a mail server): the variables that are
 * missing, by name. Start-up refuses to serve while any is (ADR 032).
 * - A set-password link must reach its person, and never through the server's log: a
 *   deployment (on its own database, or served over https) names its mail server; a
 *   local run may name a folder instead, never behind https.
 * - Served over https means behind a proxy that ends TLS; without the header that carries
 *   the client's address every sign-in shares the proxy's, and the throttle one limit.
 */
export function serverConfigProblems(env: Env): string[] {
	const https = env.ORIGIN?.startsWith('https:') ?? false;
	const problems: string[] = [];
	if (!env.SMTP_URL && (https || (env.DATABASE_URL && !env.MAIL_DIR)))
		problems.push(
			https ? 'SMTP_URL (required when ORIGIN is https)' : 'SMTP_URL (or MAIL_DIR for a local run)'
		);
	if (https && !env.ADDRESS_HEADER)
		problems.push('ADDRESS_HEADER (required when ORIGIN is https, behind a proxy)');
	// The demo provider signs anyone in as anyone: a laptop's demo only.
	if (https && env.DEMO_PROVIDER)
		problems.push('DEMO_PROVIDER unset (a test provider, never behind https)');
	return problems;
}

/** Where mail goes without a mail server: the named folder, or the embedded database's. */
export function mailDir(env: Pick<Env, 'MAIL_DIR' | 'DATA_DIR'>): string {
	if (env.MAIL_DIR) return env.MAIL_DIR;
	// An in-memory database has no folder of its own.
	if (env.DATA_DIR.startsWith('memory://'))
		return join(tmpdir(), `yhteisarvio-mail-${process.pid}`);
	return join(env.DATA_DIR, 'mail');
}

export type Env = z.infer<typeof envSchema>;

/** An issuer reached over TLS, or one on this machine (the tests' and the demo's provider). */
function secureIssuer(issuer: string): boolean {
	const u = new URL(issuer);
	return u.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

/** The key's bytes from hex (64 characters) or base64 (44), or null if it is neither. */
export function keyBytes(value: string): Uint8Array | null {
	const v = value.trim();
	if (/^[0-9a-fA-F]{64}$/.test(v)) return Uint8Array.from(Buffer.from(v, 'hex'));
	if (/^[A-Za-z0-9+/]{43}=?$/.test(v)) {
		const b = Buffer.from(v, 'base64');
		return b.length === 32 ? Uint8Array.from(b) : null;
	}
	return null;
}

// The variables the schema reads; nothing else of the environment is looked at.
const ENV_KEYS = Object.keys(envSchema.shape);
let last: { key: string; env: Env } | null = null;

/**
 * The checked configuration. Called on hot paths (each notification, each sign-in), so the
 * result is kept while the variables it reads stay the same: the check runs again only
 * when one of them changes (tests change them; a server does not).
 */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
	const picked = Object.fromEntries(
		ENV_KEYS.flatMap((k) => (source[k] === undefined || source[k] === '' ? [] : [[k, source[k]]]))
	);
	const key = JSON.stringify(picked);
	if (last?.key === key) return last.env;
	const parsed = envSchema.safeParse(picked);
	if (!parsed.success) {
		// Name the variables, never their values: they may hold secrets.
		const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
		throw new Error(`Invalid configuration in environment variables: ${names}`);
	}
	last = { key, env: parsed.data };
	return parsed.data;
}
