// Builds the app unless `build/` was made from exactly these sources. `npm start`, the
// browser suite's server and the JavaScript budget all go through here, so one CI run
// builds once and a second `npm start` starts at once (ADR 031). The stamp is a hash of
// the contents (not the times: a fresh clone's files are all new) of everything a build
// reads: the app's sources but its specs, the messages, the static files, the configs and
// the lock file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = join('build', '.source-hash');
const INPUTS = [
	'src',
	'messages',
	'static',
	'project.inlang/settings.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json',
	'package.json',
	'package-lock.json',
	// The migrated embedded database the build makes (build/pglite-template, ADR 034).
	'drizzle',
	// The operator's commands, bundled into build/cli/ (scripts/build-cli.js).
	'scripts/build-cli.js',
	'scripts/migrate.ts',
	'scripts/user-create.ts',
	'scripts/key-rotate.ts',
	'scripts/recompute-status.ts',
	'scripts/pglite-template.ts'
];
// Generated from the messages (hashed above) on every install and test run.
const SKIP = [join('src', 'lib', 'paraglide')];

function files(path) {
	if (SKIP.includes(path) || !existsSync(path)) return [];
	if (!statSync(path).isDirectory()) return path.endsWith('.spec.ts') ? [] : [path];
	return readdirSync(path)
		.sort()
		.flatMap((name) => files(join(path, name)));
}

const hash = createHash('sha256');
for (const file of INPUTS.flatMap(files)) {
	hash.update(file);
	hash.update('\0');
	hash.update(readFileSync(file));
	hash.update('\0');
}
const sources = hash.digest('hex');

const built = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
const complete =
	existsSync(join('build', 'handler.js')) &&
	existsSync(join('build', 'cli', 'user-create.mjs')) &&
	existsSync(join('build', 'pglite-template', 'migrations-key')) &&
	existsSync(join('.svelte-kit', 'output', 'server', 'manifest.js'));
if (built === sources && complete) {
	console.info('The build is up to date with the sources: not building again.');
} else {
	const vite = spawnSync(
		process.execPath,
		[join('node_modules', 'vite', 'bin', 'vite.js'), 'build'],
		{
			stdio: 'inherit'
		}
	);
	if (vite.status !== 0) process.exit(vite.status ?? 1);
	const cli = spawnSync(process.execPath, [join('scripts', 'build-cli.js')], { stdio: 'inherit' });
	if (cli.status !== 0) process.exit(cli.status ?? 1);
	writeFileSync(STAMP, sources + '\n');
}
