// Compiles the messages into src/lib/paraglide for everything but the build: one module per
// language (ADR 050). Skipped when the folder already holds them compiled from exactly these
// inputs: `npm install` and every unit test run call it, and a compile takes seconds. The
// stamp lives in the folder itself, which every compile empties first, so a compile by the
// build (a module per message) leaves none and the next call compiles again.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = join('src', 'lib', 'paraglide');
const STAMP = join(OUT, '.inputs-hash');
const ARGS = [
	'compile',
	'--project',
	'./project.inlang',
	'--outdir',
	`./${OUT}`,
	'--output-structure',
	'locale-modules'
];
const INPUTS = [
	'project.inlang/settings.json',
	...readdirSync('messages')
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => join('messages', f)),
	// The compiler and the message format it loads: another version may write other code.
	'node_modules/@inlang/paraglide-js/package.json',
	'node_modules/@inlang/plugin-message-format/package.json'
];

const hash = createHash('sha256').update(ARGS.join(' '));
for (const file of INPUTS) hash.update(`\0${file}\0`).update(readFileSync(file));
const inputs = hash.digest('hex');

const current =
	existsSync(STAMP) &&
	readFileSync(STAMP, 'utf8').trim() === inputs &&
	existsSync(join(OUT, 'messages.js')) &&
	existsSync(join(OUT, 'runtime.js'));
if (!current) {
	const bin = join('node_modules', '@inlang', 'paraglide-js', 'bin', 'run.js');
	const run = spawnSync(process.execPath, [bin, ...ARGS], { stdio: 'inherit' });
	if (run.status !== 0) process.exit(run.status ?? 1);
	writeFileSync(STAMP, `${inputs}\n`);
}
