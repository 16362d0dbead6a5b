import { loadavg } from 'node:os';

export type Cases = Record<string, () => Promise<unknown>>;

/** The p-th percentile of some timings (nearest rank). */
export const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/**
 * Warms each case up, then interleaves them: every round runs each case once, so load and
 * caches are shared between a path and its floor. Returns each case's timings (ms) and the
 * one-minute load average when the timed rounds began.
 */
export async function interleave(cases: Cases, rounds: number, warmups: number) {
	for (const run of Object.values(cases)) for (let i = 0; i < warmups; i++) await run();
	const times: Record<string, number[]> = Object.fromEntries(
		Object.keys(cases).map((k) => [k, []])
	);
	const load = loadavg()[0]!;
	for (let r = 0; r < rounds; r++) {
		for (const [name, run] of Object.entries(cases)) {
			const t0 = performance.now();
			await run();
			times[name]!.push(performance.now() - t0);
		}
	}
	return { times, load };
}

/**
 * Prints p50, p95 and each case's p50 and p95 over its floor's (`floors`: case → floor
 * case) as a Markdown table, with `digits` decimals.
 */
export function printRatios(
	times: Record<string, number[]>,
	floors: Record<string, string>,
	digits: number
) {
	console.info('| case | p50 ms | p95 ms | × floor (p50) | × floor (p95) |');
	console.info('|---|---:|---:|---:|---:|');
	for (const [name, xs] of Object.entries(times)) {
		const floor = floors[name];
		const ratio = (p: number) => (floor ? (pct(xs, p) / pct(times[floor]!, p)).toFixed(2) : '');
		console.info(
			`| ${name} | ${pct(xs, 50).toFixed(digits)} | ${pct(xs, 95).toFixed(digits)} | ${ratio(50)} | ${ratio(95)} |`
		);
	}
}
