import { addLogPartitions } from './access-log';
import { checkEncryptionKey } from './auth/key-check';
import { deleteExpiredSessions } from './auth/session';
import { openDb } from './db';
import { readEnv, serverConfigProblems } from './env';
import { log } from './log';
import { markDemo, seedDemo } from './seed/demo';
import { linkDemoIdentities } from './seed/demo-provider';
import { requireAppRights } from './features/health';
import { addMissingEmergencyClocks } from './features/path';
// Before any request: the features that act on other features' events (ADR 038).
import './features/listeners';

let started: Promise<void> | null = null;

/**
 * Opens the database (running migrations). A new embedded database gets the demo data,
 * so a newcomer can sign in at once; a DATABASE_URL database only when SEED_DEMO asks.
 */
export function startDatabase(): Promise<void> {
	started ??= (async () => {
		// Refuse to serve on a configuration that would leak or lock out (ADR 032).
		const problems = serverConfigProblems(readEnv());
		if (problems.length)
			throw new Error(`Missing configuration for the web server: ${problems.join('; ')}`);
		const { db, driver, fresh } = await openDb();
		// A restore without privileges: say what to run, not which table failed first.
		await requireAppRights(db);
		// A wrong key would fail every second-factor sign-in while the instance said ready.
		await checkEncryptionKey(db);
		const env = readEnv();
		// Clocks that a migration could not add (see addMissingEmergencyClocks).
		const added = await addMissingEmergencyClocks(db);
		if (added) log.info({ added }, 'Emergency-placement clocks added.');
		if ((driver === 'pglite' && fresh) || env.SEED_DEMO) {
			const created = await seedDemo(db);
			markDemo(driver, env.DATA_DIR);
			log.info(created ? 'Demo data created.' : 'Demo data already present.');
		}
		// The demo's provider (scripts/start.js runs it): the demo accounts are its people.
		if (env.DEMO_PROVIDER && env.OIDC_ISSUER) await linkDemoIdentities(db, env.OIDC_ISSUER);
		const housekeeping = async () => {
			await deleteExpiredSessions(db).catch(() => {});
			await addLogPartitions(db).catch((e: unknown) => log.error({ err: e }, 'log partitions'));
		};
		await housekeeping();
		const hourly = setInterval(() => void housekeeping(), 3600_000);
		hourly.unref();
	})();
	return started;
}
