/**
 * Recomputes every child's traffic light from the assessments and reports any child whose
 * stored status differs. Changes nothing. Exit code 1 when a difference is found.
 */
import { closeDb, openDb } from '../src/lib/server/db';
import { verifyStatuses } from '../src/lib/server/features/status/status';

const { db } = await openDb();
const { checked, differing } = await verifyStatuses(db);
console.info(`Checked ${checked} children; ${differing.length} differ from their stored status.`);
// Ids only: no names in logs.
for (const id of differing) console.info(`differs: ${id}`);
await closeDb();
process.exit(differing.length ? 1 : 0);
