// The operator's commands (docs/deploy.md) as plain JavaScript in build/cli/, so a
// production install without dev tools (no tsx, no TypeScript, no src/) runs them:
// `npm run user:create`, `db:migrate`, `key:rotate`, `status:verify`. Run after `vite build`
// (`npm run build`); dependencies stay in node_modules, the app's own code is bundled.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const COMMANDS = ['migrate', 'user-create', 'key-rotate', 'recompute-status', 'pglite-template'];

await build({
	entryPoints: COMMANDS.map((c) => `scripts/${c}.ts`),
	outdir: 'build/cli',
	outExtension: { '.js': '.mjs' },
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	logLevel: 'warning'
});

// The migrated, empty embedded database a first `npm start` copies (ADR 034).
const template = spawnSync(process.execPath, ['build/cli/pglite-template.mjs'], {
	stdio: 'inherit'
});
if (template.status !== 0) process.exit(template.status ?? 1);
