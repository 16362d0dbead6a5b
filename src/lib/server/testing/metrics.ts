import { registry } from '../metrics';

/**
 * One sample of the metrics as a scraper reads it, by its name and labels as printed
 * (`worker_runs_total{outcome="ok",service="yhteisarvio"}`); 0 when it is not there yet.
 */
export async function sample(series: string): Promise<number> {
	const text = await registry.metrics();
	const line = text
		.split('\n')
		.find((l) => l.startsWith(`${series} `) || l.startsWith(`${series}{`));
	return line ? Number(line.split(' ').pop()) : 0;
}
