/**
 * Creates a user, e.g. the first admin in production:
 *   npm run user:create -- --email a@b.fi --name "A B" --role admin --organisation "Kunta"
 * With --password-stdin the password is read from standard input; otherwise a one-time
 * set-password link (valid 24 h) is printed.
 */
import { closeDb, openDb } from '../src/lib/server/db';
import { readEnv } from '../src/lib/server/env';
import { createUserFromCli, parseArgs } from '../src/lib/server/cli/user-create';

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const c of process.stdin) chunks.push(c as Buffer);
	return Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
}

try {
	const args = parseArgs(process.argv.slice(2));
	const password = args.passwordStdin ? await readStdin() : null;
	const { db } = await openDb();
	const result = await createUserFromCli(db, args, password);
	if (result.linkToken) {
		const origin = readEnv().ORIGIN ?? 'http://localhost:3000';
		console.info(
			`User created. One-time link to set the password (valid until ${result.linkExpiresAt?.toISOString()}):`
		);
		console.info(`${origin}/set-password/${result.linkToken}`);
	} else {
		console.info('User created with the given password.');
	}
	await closeDb();
} catch (e) {
	console.error((e as Error).message);
	await closeDb();
	process.exit(1);
}
