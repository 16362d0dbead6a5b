// JavaScript per page, gzip: what a browser loads for each route of the last `vite build`
// (the app shell, the layouts and the page, as SvelteKit preloads them), against a budget.
// Run after a build: `npm run build && npm run budget:js`. Exits 1 if a page is over.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

// 66 KB: the framework alone is 38 KB, so 40 KB cannot be met by a hydrating page (ADR 025).
const BUDGET_KB = Number(process.env.JS_BUDGET_KB ?? 66);
const out = '.svelte-kit/output';
const manifest = readFileSync(join(out, 'server/manifest.js'), 'utf8');

const list = (text) => [...text.matchAll(/"([^"]+\.js)"/g)].map((x) => x[1]);
const shell = list(
	/client: (?:\(function\([^)]*\)\{return )?\{[^}]*imports:\[([^\]]*)\]/.exec(manifest)?.[1] ?? ''
);
if (!shell.length) throw new Error('no build found: run `npm run build` first');

const nodeImports = new Map();
function importsOf(node) {
	if (!nodeImports.has(node)) {
		const text = readFileSync(join(out, `server/nodes/${node}.js`), 'utf8');
		nodeImports.set(node, list(/export const imports = \[([^\]]*)\]/.exec(text)?.[1] ?? ''));
	}
	return nodeImports.get(node);
}

const sizes = new Map();
function gz(file) {
	if (!sizes.has(file))
		sizes.set(file, gzipSync(readFileSync(join(out, 'client', file)), { level: 9 }).length);
	return sizes.get(file);
}

// One route per `{ id: …, … }` block of the manifest; endpoints (`+server.ts`) have no page.
const pages = manifest
	.split(/\n\t*\{\n\t*id: /)
	.slice(1)
	.flatMap((block) => {
		const id = /^"([^"]+)"/.exec(block)?.[1];
		const page = /page: \{ layouts: \[([^\]]*)\][^}]*leaf: (\d+) \}/.exec(block);
		return id && page ? [[id, page[1], page[2]]] : [];
	})
	.map(([id, layouts, leaf]) => {
		const nodes = [...layouts.split(',').filter(Boolean).map(Number), Number(leaf)];
		const files = new Set([...shell, ...nodes.flatMap(importsOf)]);
		const bytes = [...files].reduce((sum, f) => sum + gz(f), 0);
		return { id, kb: bytes / 1024 };
	});

pages.sort((a, b) => b.kb - a.kb);
const shellKb = [...new Set(shell)].reduce((s, f) => s + gz(f), 0) / 1024;
console.log(`app shell ${shellKb.toFixed(1)} KB; budget ${BUDGET_KB} KB per page (gzip)`);
for (const p of pages)
	console.log(`${p.kb > BUDGET_KB ? 'OVER' : 'ok  '} ${p.kb.toFixed(1).padStart(6)} KB  ${p.id}`);
const over = pages.filter((p) => p.kb > BUDGET_KB);
if (over.length) {
	console.error(`${over.length} page(s) over ${BUDGET_KB} KB`);
	process.exit(1);
}
