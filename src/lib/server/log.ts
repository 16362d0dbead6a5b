import pino from 'pino';

/**
 * What the log may say about an error: its name and the database's SQL state, constraint,
 * table and column. Never its message or stack text: a database error quotes the values
 * (names, dates of birth, e-mails) and Drizzle adds every parameter ("params: …").
 */
export type ErrorFacts = {
	name: string;
	sqlState?: string;
	constraint?: string;
	table?: string;
	column?: string;
	frames?: string[];
};

type DbErrorLike = {
	name?: unknown;
	code?: unknown;
	constraint?: unknown;
	constraint_name?: unknown;
	table?: unknown;
	table_name?: unknown;
	column?: unknown;
	column_name?: unknown;
	stack?: unknown;
	cause?: unknown;
};

const word = (v: unknown) =>
	typeof v === 'string' && /^[A-Za-z0-9_.$-]{1,80}$/.test(v) ? v : undefined;

/** The facts of an error and of its causes (Drizzle wraps the driver's error). */
export function errorFacts(error: unknown): ErrorFacts {
	const chain: DbErrorLike[] = [];
	let e: unknown = error;
	while (e && typeof e === 'object' && chain.length < 5) {
		chain.push(e);
		e = (e as DbErrorLike).cause;
	}
	const first = <K extends keyof DbErrorLike>(...keys: K[]) => {
		for (const c of chain) for (const k of keys) if (word(c[k])) return word(c[k]);
		return undefined;
	};
	const top = chain[0];
	const code = first('code');
	// Only the "at file:line" frames: the first line of a stack is the message.
	const frames =
		typeof top?.stack === 'string'
			? top.stack
					.split('\n')
					.filter((l) => /^\s+at [^\s]/.test(l) && !/params|Failed query/i.test(l))
					.slice(0, 6)
					.map((l) => l.trim().slice(0, 200))
			: undefined;
	return {
		name: word(top?.name) ?? 'Error',
		// SQL states are five characters; other codes (ECONNREFUSED …) are just as useful.
		sqlState: code,
		constraint: first('constraint', 'constraint_name'),
		table: first('table', 'table_name'),
		column: first('column', 'column_name'),
		frames
	};
}

/**
 * The server's one logger: JSON lines on stdout (pino). Errors are reduced to their facts
 * by the `err` serializer, and known personal or secret fields are redacted wherever they
 * appear, as a second line of defence.
 */
export const log = pino(
	{
		level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info'),
		base: { service: 'yhteisarvio' },
		serializers: { err: errorFacts, error: errorFacts },
		redact: {
			paths: [
				'email',
				'*.email',
				'password',
				'*.password',
				'token',
				'*.token',
				'params',
				'*.params',
				'message',
				'*.message',
				'headers.cookie',
				'*.headers.cookie',
				'*.givenName',
				'*.familyName',
				'*.personalIdentityCode'
			],
			censor: '[redacted]'
		}
	},
	// process.stdout (not pino's own file descriptor writer), so tests can watch it too.
	process.stdout
);
