// The heap cap is kept where the app starts, not only in the operator's guide: without it
// V8 grows an instance's heap lazily on a large machine (about 900 MB after the HTTP
// benchmark, with nothing leaked; docs/performance.md). A process started without
// `--max-old-space-size` (on its command line or in NODE_OPTIONS) starts itself again with
// the cap, passes signals on and exits with the capped process's code. The documented
// commands pass the flag themselves, so this second process is only a safety net.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

export const HEAP_CAP_MB = 256;

/** True when this process already runs under a heap cap of its own choosing. */
export function heapCapSet(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS) {
	return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((a) =>
		/^--max-old-space-size(=|$)/.test(a)
	);
}

/** Returns at once when the cap is set; otherwise never returns (the capped copy runs). */
export async function ensureHeapCap() {
	if (heapCapSet()) return;
	const child = spawn(
		process.execPath,
		[`--max-old-space-size=${HEAP_CAP_MB}`, ...process.execArgv, ...process.argv.slice(1)],
		{ stdio: 'inherit' }
	);
	for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP']))
		process.on(signal, () => child.kill(signal));
	const code = await new Promise((resolve) =>
		child.on('exit', (status, signal) =>
			resolve(status ?? (signal ? 128 + constants.signals[signal] : 1))
		)
	);
	process.exit(code);
}
