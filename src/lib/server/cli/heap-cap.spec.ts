import { execFile } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heapCapSet } from '../../../../scripts/heap-cap.js';

const run = promisify(execFile);

/**
 * The production entry and `npm start` run under a heap cap whatever command started them
 * (issue 37): a process started without one starts a capped copy of itself.
 */
describe('the heap cap of the production entry', () => {
	let dir: string;
	let probe: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'heap-cap-'));
		probe = join(dir, 'probe.mjs');
		// Prints the heap limit it runs under and exits with a code of its own.
		await writeFile(
			probe,
			`import { ensureHeapCap } from ${JSON.stringify(resolve('scripts/heap-cap.js'))};
			import { getHeapStatistics } from 'node:v8';
			await ensureHeapCap();
			console.log(Math.round(getHeapStatistics().heap_size_limit / 2 ** 20));
			process.exit(7);`
		);
	});
	afterAll(() => rm(dir, { recursive: true, force: true }));

	const limitOf = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
		const failed = await run(process.execPath, [...args, probe], {
			env: { ...process.env, NODE_OPTIONS: '', ...env }
		}).catch((e: { code: number; stdout: string }) => e);
		return { code: (failed as { code?: number }).code, mb: Number(String(failed.stdout).trim()) };
	};

	it('starts a capped copy when started without a cap, and passes its exit code on', async () => {
		const { code, mb } = await limitOf([]);
		expect(code).toBe(7);
		// V8's limit is the old space's cap plus the young generation (some MB on Node 20,
		// about 190 on Node 24); uncapped, it is a share of the machine's memory (GBs).
		expect(mb).toBeGreaterThanOrEqual(256);
		expect(mb).toBeLessThan(512);
	});

	it('keeps a cap that the command line or NODE_OPTIONS set', async () => {
		expect((await limitOf(['--max-old-space-size=512'])).mb).toBeGreaterThanOrEqual(512);
		expect(
			(await limitOf([], { NODE_OPTIONS: '--max-old-space-size=400' })).mb
		).toBeGreaterThanOrEqual(400);
	});

	it('tells a set cap from an unset one', () => {
		expect(heapCapSet(['--max-old-space-size=256'], '')).toBe(true);
		expect(heapCapSet([], '--enable-source-maps --max-old-space-size=300')).toBe(true);
		expect(heapCapSet(['--enable-source-maps'], undefined)).toBe(false);
		expect(heapCapSet([], '--max-semi-space-size=16')).toBe(false);
	});
});
