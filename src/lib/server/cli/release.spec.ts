import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * A production install has no dev tools and no src/ (docs/deploy.md): the operator's
 * commands run from build/cli/, bundled by scripts/build-cli.js with their packages left
 * in node_modules. Every package they import must then be a runtime dependency.
 */
describe('the operator’s commands in a production install (issue 38)', () => {
	it('import only runtime dependencies', async () => {
		const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
			dependencies: Record<string, string>;
		};
		const result = await build({
			entryPoints: [
				'migrate',
				'user-create',
				'key-rotate',
				'recompute-status',
				'pglite-template'
			].map((c) => `scripts/${c}.ts`),
			outdir: 'unused',
			write: false,
			bundle: true,
			platform: 'node',
			format: 'esm',
			packages: 'external',
			metafile: true,
			logLevel: 'silent'
		});
		const imported = new Set(
			Object.values(result.metafile.outputs).flatMap((o) =>
				o.imports.filter((i) => i.external).map((i) => i.path)
			)
		);
		const packages = [...imported]
			.filter((p) => !p.startsWith('node:') && !builtinModules.includes(p))
			.map((p) => /^(@[^/]+\/[^/]+|[^/]+)/.exec(p)![1]!);
		expect(packages.length).toBeGreaterThan(3);
		expect(packages.filter((p) => !(p in pkg.dependencies))).toEqual([]);
	});
});
