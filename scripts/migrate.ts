/** Runs the SQL migrations in drizzle/ against DATABASE_URL (or the embedded database). */
import { closeDb, openDb } from '../src/lib/server/db';

const { driver } = await openDb();
console.info(`Migrations applied (${driver}).`);
await closeDb();
