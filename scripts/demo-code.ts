/**
 * Prints the current authenticator code of a demo account, for trying the app:
 *   npm run demo:code -- koulu@demo.example
 * Demo data only: it refuses an address outside @demo.example, an embedded database folder
 * without the demo marker, and a PostgreSQL database without the demo organisation.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { readEnv } from '../src/lib/server/env';
import { DEMO_MARKER, demoCode } from '../src/lib/server/seed/demo-factor';

const email = (process.argv[2] ?? '').trim().toLowerCase();
function refuse(why: string): never {
	console.error(why);
	process.exit(1);
}
if (!/^[a-z0-9._-]+@demo\.example$/.test(email))
	refuse('Give a demo account, e.g. koulu@demo.example');
const env = readEnv();
if (env.DATABASE_URL) {
	const sql = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
	try {
		const rows = await sql`select 1 from organisation o, "user" u
			where o.name = 'Järvelän lastensuojelu' and u.email = ${email}`;
		if (!rows.length) refuse('This database holds no such demo account.');
	} finally {
		await sql.end();
	}
} else if (!existsSync(join(env.DATA_DIR, DEMO_MARKER))) {
	refuse(`${env.DATA_DIR} does not hold the demo data.`);
}
console.info(demoCode(email));
