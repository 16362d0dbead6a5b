// Runs an operator's command (docs/deploy.md): from its TypeScript source where the sources
// and tsx are there (a developer's checkout), otherwise from the build (build/cli/, made by
// `npm run build`), as in a production install that ships no src/.
//   node scripts/cli.js <user-create|migrate|key-rotate|recompute-status> [args…]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const [name, ...args] = process.argv.slice(2);
const source = `scripts/${name}.ts`;
const built = `build/cli/${name}.mjs`;
let tsx = false;
try {
	createRequire(import.meta.url).resolve('tsx');
	tsx = existsSync('src') && existsSync(source);
} catch {
	// No tsx: a production install.
}
if (!tsx && !existsSync(built)) {
	console.error(`No command "${name}": ${built} is missing (run \`npm run build\`).`);
	process.exit(2);
}
const run = spawnSync(
	process.execPath,
	tsx ? ['--import', 'tsx', source, ...args] : [built, ...args],
	{
		stdio: 'inherit'
	}
);
process.exit(run.status ?? 1);
