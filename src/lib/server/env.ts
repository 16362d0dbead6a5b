import { z } from 'zod';

/** Configuration comes only from the environment, checked once. */
const envSchema = z.object({
	DATABASE_URL: z.string().min(1).optional(),
	/** The owner's connection for migrations; unset: DATABASE_URL is the owner too. */
	DATABASE_MIGRATION_URL: z.string().min(1).optional(),
	DATA_DIR: z.string().min(1).default('./.data'),
	MIGRATIONS_DIR: z.string().min(1).default('./drizzle'),
	ORIGIN: z.url().optional(),
	/** e.g. smtp://user:pass@mail.example:587. Unset: notifications stay in the app only. */
	SMTP_URL: z.url().optional(),
	MAIL_FROM: z.string().min(3).default('Monitori <no-reply@localhost>'),
	/** Seconds between outbox and overdue runs of the background worker. */
	WORKER_INTERVAL: z.coerce.number().int().min(1).default(30),
	SEED_DEMO: z
		.enum(['true', 'false', '1', '0'])
		.optional()
		.transform((v) => v === 'true' || v === '1')
});

export type Env = z.infer<typeof envSchema>;

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
