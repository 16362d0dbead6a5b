import { z } from 'zod';

/** Configuration comes only from the environment, checked once. */
const envSchema = z
	.object({
		DATABASE_URL: z.string().min(1).optional(),
		/** The owner's connection for migrations; unset: DATABASE_URL is the owner too. */
		DATABASE_MIGRATION_URL: z.string().min(1).optional(),
		DATA_DIR: z.string().min(1).default('./.data'),
		MIGRATIONS_DIR: z.string().min(1).default('./drizzle'),
		ORIGIN: z.url().optional(),
		/** e.g. smtp://user:pass@mail.example:587. Unset: notifications stay in the app only. */
		SMTP_URL: z.url().optional(),
		MAIL_FROM: z.string().min(3).default('Yhteisarvio <no-reply@localhost>'),
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
			.transform((v) => v === 'true' || v === '1')
	})
	.refine((env) => !env.DATABASE_URL || env.ENCRYPTION_KEY, {
		// A real database needs a real key; the embedded one keeps its own (ADR 014).
		path: ['ENCRYPTION_KEY'],
		message: 'required with DATABASE_URL'
	});

export type Env = z.infer<typeof envSchema>;

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

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
	const parsed = envSchema.safeParse(
		Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''))
	);
	if (!parsed.success) {
		// Name the variables, never their values: they may hold secrets.
		const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
		throw new Error(`Invalid configuration in environment variables: ${names}`);
	}
	return parsed.data;
}
