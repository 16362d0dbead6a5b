import { z } from 'zod';
import { COLOURS } from '../domain/traffic-light';

/** Dashboard filters come from the query string: codes and ids only, never names. */
export const dashboardFilterSchema = z.object({
	colour: z.enum(COLOURS).nullable().catch(null).default(null),
	workerId: z.uuid().nullable().catch(null).default(null),
	signal: z.enum(['disagreement', 'stale']).nullable().catch(null).default(null),
	/** Children with a statutory deadline due soon or overdue (§10). */
	deadline: z.enum(['due']).nullable().catch(null).default(null),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});

export function parseDashboardFilter(params: URLSearchParams) {
	const raw = Object.fromEntries([...params].filter(([, v]) => v !== ''));
	return dashboardFilterSchema.parse(raw);
}
