// Makes the migrated, empty embedded database that a first `npm start` copies (ADR 034).
// Run by `npm run build` (scripts/build-cli.js), from its bundle in build/cli/.
//   node scripts/cli.js pglite-template [folder]
import { makePgliteTemplate } from '../src/lib/server/db/pglite-template';
import { readEnv } from '../src/lib/server/env';

const env = readEnv();
await makePgliteTemplate(process.argv[2] ?? env.PGLITE_TEMPLATE, env.MIGRATIONS_DIR);
