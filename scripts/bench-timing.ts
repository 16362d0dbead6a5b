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
