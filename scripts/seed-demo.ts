/** Adds the fictional demo data to the configured database (never real data). */
import { closeDb, openDb } from '../src/lib/server/db';
import { readEnv } from '../src/lib/server/env';
import { markDemo, seedDemo } from '../src/lib/server/seed/demo';

const { db, driver } = await openDb();
const created = await seedDemo(db);
markDemo(driver, readEnv().DATA_DIR);
console.info(created ? `Demo data created (${driver}).` : `Demo data already present (${driver}).`);
await closeDb();
